package io.paymentnotifier.retry;

import io.paymentnotifier.events.RetryScheduleEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Retries waiting for their due time: an index of the in-flight store, whose keys sort by due time
 * (zero-padded epoch millis, then the paymentRequestId), so the due ones are one range scan away.
 * An entry holds only what the gauges need (attempt, waiting since); the notification itself stays
 * in the in-flight store, which says whether an entry is still current.
 */
public final class RetrySchedule {

  /** A wall-clock punctuator this often releases due retries: within about a second of due. */
  public static final Duration RELEASE_INTERVAL = Duration.ofMillis(500);

  private static final int DUE_DIGITS = 19;

  private final KeyValueStore<String, RetryScheduleEntry> store;

  /** A payment whose retry is due. */
  public record Due(String paymentRequestId, Instant dueAt) {}

  public RetrySchedule(final KeyValueStore<String, RetryScheduleEntry> store) {
    this.store = store;
  }

  /** Sorts before every key ({@link #keyOf}). */
  private static final String FIRST_KEY = "";

  /** The store key of a retry: sorts by due time first. */
  public static String keyOf(final Instant dueAt, final String paymentRequestId) {
    return String.format("%019d:%s", dueAt.toEpochMilli(), paymentRequestId);
  }

  /** Indexes a waiting retry of this payment, due at {@code dueAt}. */
  public void add(
      final String paymentRequestId,
      final Instant dueAt,
      final int attempt,
      final Instant waitingSince) {
    store.put(
        keyOf(dueAt, paymentRequestId),
        RetryScheduleEntry.newBuilder().setAttempt(attempt).setWaitingSince(waitingSince).build());
  }

  /** Whether this payment has an entry due at {@code dueAt}. */
  public boolean contains(final String paymentRequestId, final Instant dueAt) {
    return store.get(keyOf(dueAt, paymentRequestId)) != null;
  }

  /**
   * The retries due at or before {@code now}, earliest first, left in the schedule: the caller
   * {@link #remove}s each one it releases, so one it cannot start yet stays waiting.
   */
  public List<Due> due(final Instant now, final int limit) {
    final List<Due> due = new ArrayList<>();
    final String upper = String.format("%019d;", now.toEpochMilli());
    // ';' sorts right after ':', so the bound includes every key of the current millisecond.
    // Both bounds given: with transactional stores, Kafka 4.4.0's RocksDB range(null, to) scans
    // past its upper bound (RocksDBTransactionBuffer ignores `to` without `from`), and would
    // release every retry at once.
    try (KeyValueIterator<String, RetryScheduleEntry> it = store.range(FIRST_KEY, upper)) {
      while (it.hasNext() && due.size() < limit) {
        due.add(due(it.next().key));
      }
    }
    return due;
  }

  /** Takes a retry out of the schedule: it was released, or its entry is stale. */
  public void remove(final Due due) {
    store.delete(keyOf(due.dueAt(), due.paymentRequestId()));
  }

  /** A census of this schedule, counted a bounded slice at a time. */
  public WaitingCensus census() {
    return new WaitingCensus(store);
  }

  private static Due due(final String key) {
    return new Due(
        key.substring(DUE_DIGITS + 1),
        Instant.ofEpochMilli(Long.parseLong(key.substring(0, DUE_DIGITS))));
  }
}
