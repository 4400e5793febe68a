package io.paymentnotifier.retry;

import io.paymentnotifier.events.PendingNotification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Retries waiting for their due time, in a store whose keys sort by due time (zero-padded epoch
 * millis, then the paymentRequestId), so the due ones are one range scan away.
 */
public final class RetrySchedule {

  /** A wall-clock punctuator this often releases due retries: within about a second of due. */
  public static final java.time.Duration RELEASE_INTERVAL = java.time.Duration.ofMillis(500);

  private final KeyValueStore<String, PendingNotification> store;

  public RetrySchedule(final KeyValueStore<String, PendingNotification> store) {
    this.store = store;
  }

  /** Sorts before every key ({@link #keyOf}). */
  private static final String FIRST_KEY = "";

  /** The store key of a retry: sorts by due time first. */
  public static String keyOf(final Instant dueAt, final String paymentRequestId) {
    return String.format("%019d:%s", dueAt.toEpochMilli(), paymentRequestId);
  }

  /** Holds a waiting retry until it is due. */
  public void add(final PendingNotification retry) {
    store.put(keyOf(retry.getDueAt(), retry.getEvent().getPaymentRequestId()), retry);
  }

  /** Takes every retry due at or before {@code now} out of the schedule, earliest first. */
  public List<PendingNotification> takeDue(final Instant now, final int limit) {
    final List<KeyValue<String, PendingNotification>> due = new ArrayList<>();
    // ';' sorts right after ':', so the bound includes every key of the current millisecond.
    final String upper = String.format("%019d;", now.toEpochMilli());
    // Both bounds given: with transactional stores, Kafka 4.4.0's RocksDB range(null, to) scans
    // past its upper bound (RocksDBTransactionBuffer ignores `to` without `from`), and would
    // release every retry at once.
    try (KeyValueIterator<String, PendingNotification> it = store.range(FIRST_KEY, upper)) {
      while (it.hasNext() && due.size() < limit) {
        due.add(it.next());
      }
    }
    due.forEach(kv -> store.delete(kv.key));
    return due.stream().map(kv -> kv.value).toList();
  }
}
