package io.paymentnotifier.retry;

import io.paymentnotifier.events.RetryScheduleEntry;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts the retries of one task's schedule for the gauges, from the store itself: nothing is kept
 * per retry on the heap. Each step reads at most a given number of entries and remembers the last
 * key, so a punctuation costs the same however many retries wait; a pass over a large schedule
 * spreads over several steps and is reported when it ends. Entries added or released during a pass
 * may be counted in it or not, which a gauge can live with; the next pass is exact again.
 */
public final class WaitingCensus {

  /** How often a punctuator takes a step. */
  public static final Duration INTERVAL = Duration.ofSeconds(1);

  /** Entries read per step: a pass over 100,000 waiting retries takes ten steps. */
  public static final int STEP_ENTRIES = 10_000;

  private final KeyValueStore<String, RetryScheduleEntry> store;
  private WaitingRetries.Tally tally = new WaitingRetries.Tally();
  private String lastKey;

  WaitingCensus(final KeyValueStore<String, RetryScheduleEntry> store) {
    this.store = store;
  }

  /** Reads up to {@code limit} more entries; the whole count when this step ended a pass. */
  public Optional<WaitingRetries> step(final int limit) {
    // "\0" makes the smallest key after the last one read, so the scan resumes right after it.
    final String from = lastKey == null ? null : lastKey + '\0';
    try (KeyValueIterator<String, RetryScheduleEntry> it = store.range(from, null)) {
      for (int read = 0; read < limit && it.hasNext(); read++) {
        final KeyValue<String, RetryScheduleEntry> entry = it.next();
        tally.add(entry.value.getAttempt(), entry.value.getWaitingSince());
        lastKey = entry.key;
      }
      if (it.hasNext()) {
        return Optional.empty();
      }
    }
    final WaitingRetries counted = tally.result();
    tally = new WaitingRetries.Tally();
    lastKey = null;
    return Optional.of(counted);
  }
}
