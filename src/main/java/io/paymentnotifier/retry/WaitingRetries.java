package io.paymentnotifier.retry;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many retries wait in one task's schedule, by the attempt they will make, and since when the
 * oldest has waited: a few numbers per task, whatever the number of retries.
 *
 * @param byAttempt waiting retries per attempt number
 * @param oldestWaitingSince when the longest-waiting one started waiting; null when none waits
 */
public record WaitingRetries(Map<Integer, Long> byAttempt, Instant oldestWaitingSince) {

  /** No retry waits. */
  public static final WaitingRetries NONE = new WaitingRetries(Map.of(), null);

  public WaitingRetries {
    byAttempt = Map.copyOf(byAttempt);
  }

  /** True when no retry waits. */
  public boolean isEmpty() {
    return byAttempt.isEmpty();
  }

  /** Counts entries one by one, for a census. */
  static final class Tally {
    private final Map<Integer, Long> byAttempt = new TreeMap<>();
    private Instant oldest;

    void add(final int attempt, final Instant waitingSince) {
      byAttempt.merge(attempt, 1L, Long::sum);
      if (oldest == null || waitingSince.isBefore(oldest)) {
        oldest = waitingSince;
      }
    }

    WaitingRetries result() {
      return byAttempt.isEmpty() ? NONE : new WaitingRetries(byAttempt, oldest);
    }
  }
}
