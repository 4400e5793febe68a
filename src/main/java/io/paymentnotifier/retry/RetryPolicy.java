package io.paymentnotifier.retry;

import io.paymentnotifier.config.Durations;
import io.paymentnotifier.config.FlowConfigDef;
import io.paymentnotifier.config.NotifierConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a notification again: a ladder of waits with jitter, the last wait repeating, until a
 * maximum age (and optionally a maximum number of attempts) runs out.
 */
public final class RetryPolicy {

  private final List<Duration> ladder;
  private final double jitter;
  private final Duration maxAge;
  private final int maxAttempts;
  private final DoubleSupplier random;

  /**
   * @param ladder waits before retry 1, 2, ...; the last one repeats
   * @param jitter each wait is spread at random by up to this fraction (0 to 1)
   * @param maxAge no attempt is due later than this after the first attempt
   * @param maxAttempts cap on attempts in all, first call included; 0 for no cap
   * @param random uniform values in [0, 1), injectable so tests are deterministic
   */
  public RetryPolicy(
      final List<Duration> ladder,
      final double jitter,
      final Duration maxAge,
      final int maxAttempts,
      final DoubleSupplier random) {
    if (ladder.isEmpty() || ladder.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
      throw new IllegalArgumentException("the retry ladder needs at least one positive wait");
    }
    this.ladder = List.copyOf(ladder);
    this.jitter = jitter;
    this.maxAge = maxAge;
    this.maxAttempts = maxAttempts;
    this.random = random;
  }

  /** The policy the config describes, with real randomness for the jitter. */
  public static RetryPolicy from(final NotifierConfig config) {
    final List<Duration> ladder =
        config.getList(FlowConfigDef.RETRY_BACKOFF_CONFIG).stream().map(Durations::parse).toList();
    return new RetryPolicy(
        ladder,
        config.getDouble(FlowConfigDef.RETRY_JITTER_CONFIG),
        Durations.parse(config.getString(FlowConfigDef.RETRY_MAX_AGE_CONFIG)),
        config.getInt(FlowConfigDef.RETRY_MAX_ATTEMPTS_CONFIG),
        Math::random);
  }

  /**
   * When the next attempt is due after {@code attemptsMade} attempts failed, or empty when the
   * notification has run out of attempts or age.
   */
  public Optional<Instant> nextDue(
      final int attemptsMade, final Instant firstAttemptAt, final Instant now) {
    if (maxAttempts > 0 && attemptsMade >= maxAttempts) {
      return Optional.empty();
    }
    final Instant due = now.plus(waitAfter(attemptsMade));
    if (due.isAfter(firstAttemptAt.plus(maxAge))) {
      return Optional.empty();
    }
    return Optional.of(due);
  }

  /** Why {@link #nextDue} gave up, in a sentence for the dead letter. */
  public String exhaustedReason(final int attemptsMade) {
    if (maxAttempts > 0 && attemptsMade >= maxAttempts) {
      return "gave up after " + attemptsMade + " attempts (retry.max.attempts=" + maxAttempts + ")";
    }
    return "gave up after "
        + attemptsMade
        + " attempts: the next would be later than retry.max.age="
        + Durations.format(maxAge)
        + " after the first";
  }

  /** The wait before the attempt after {@code attemptsMade}, with jitter. */
  Duration waitAfter(final int attemptsMade) {
    final Duration base = ladder.get(Math.min(attemptsMade, ladder.size()) - 1);
    final double factor = 1.0 + jitter * (2.0 * random.getAsDouble() - 1.0);
    return Duration.ofMillis(Math.max(1L, Math.round(base.toMillis() * factor)));
  }
}
