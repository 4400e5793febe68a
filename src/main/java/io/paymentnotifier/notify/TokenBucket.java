package io.paymentnotifier.notify;

/**
 * Spaces calls at a rate that may change at any moment and need not be a whole number (2.5/s,
 * 775/s). Not thread-safe: {@link PermittedRate} guards it.
 *
 * <p>Hand-written because the libraries do not fit: resilience4j's RateLimiter hands out a whole
 * number of permits per fixed refresh period, so a rate such as 2.5/s or a smooth 775/s needs its
 * own period, which cannot change once the limiter exists; Guava's SmoothRateLimiter would bring
 * Guava in for one {@code @Beta} class.
 */
final class TokenBucket {

  /**
   * Calls that may go out back to back after a quiet spell: half a second's worth, as due retries
   * are released every half second (a smaller bucket would waste the tokens of the time between).
   */
  private static final double BURST_SECONDS = 0.5;

  private double tokens;
  private long lastMillis = Long.MIN_VALUE;

  /** Takes one token at this rate (infinite: always), refilling for the time since last asked. */
  boolean tryTake(final long nowMillis, final double perSecond) {
    if (Double.isInfinite(perSecond)) {
      lastMillis = nowMillis;
      tokens = 1.0; // once a limit applies, its first call may go at once
      return true;
    }
    final double burst = Math.max(1.0, perSecond * BURST_SECONDS);
    if (lastMillis == Long.MIN_VALUE) {
      tokens = 1.0;
    } else {
      tokens = Math.min(burst, tokens + Math.max(0, nowMillis - lastMillis) / 1000.0 * perSecond);
    }
    lastMillis = nowMillis;
    if (tokens < 1.0) {
      return false;
    }
    tokens -= 1.0;
    return true;
  }
}
