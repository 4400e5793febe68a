package io.paymentnotifier.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * A window in which the simulator answers every notifyPayment call with HTTP 503.
 *
 * @param from first instant of the outage
 * @param until first instant after it
 */
public record Outage(Instant from, Instant until) {

  /** An outage that starts now and lasts this long. */
  public static Outage startingNow(final Duration length) {
    final Instant now = Instant.now();
    return new Outage(now, now.plus(length));
  }

  /** An outage that starts after a delay from now. */
  public static Outage after(final Duration delay, final Duration length) {
    final Instant from = Instant.now().plus(delay);
    return new Outage(from, from.plus(length));
  }

  /** True while the outage lasts. */
  public boolean covers(final Instant now) {
    return !now.isBefore(from) && now.isBefore(until);
  }
}
