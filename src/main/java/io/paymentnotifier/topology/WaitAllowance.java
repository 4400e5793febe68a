package io.paymentnotifier.topology;

import java.time.Duration;

/**
 * How long the current stream thread may still wait for a place in the call budget. Under
 * exactly_once_v2 a transaction stays open while its stream thread processes, and the broker aborts
 * one open longer than {@code transaction.timeout.ms} (10 s by Kafka Streams' default), fencing the
 * task. Kafka Streams runs the due punctuators and then commits once per pass of its loop, so
 * capping the waits between two punctuations of a thread caps the time a transaction stays open on
 * their account, however many tasks the thread runs: at most {@link #PER_CALL} for one record, at
 * most {@link #PER_PASS} in all until the thread next punctuates.
 */
final class WaitAllowance {

  /** Longest wait for one call. */
  static final Duration PER_CALL = Duration.ofMillis(250);

  /** Longest wait in all between two punctuations of a stream thread: well under 10 s. */
  static final Duration PER_PASS = Duration.ofSeconds(1);

  private static final ThreadLocal<long[]> SPENT_NANOS = ThreadLocal.withInitial(() -> new long[1]);

  private WaitAllowance() {}

  /** What this thread may still wait for one call now. */
  static Duration left() {
    final long left = PER_PASS.toNanos() - SPENT_NANOS.get()[0];
    return Duration.ofNanos(Math.max(0, Math.min(PER_CALL.toNanos(), left)));
  }

  /** This thread waited this long. */
  static void spent(final long nanos) {
    SPENT_NANOS.get()[0] += nanos;
  }

  /** This thread punctuates: its transaction commits next, the allowance starts afresh. */
  static void renew() {
    SPENT_NANOS.get()[0] = 0;
  }
}
