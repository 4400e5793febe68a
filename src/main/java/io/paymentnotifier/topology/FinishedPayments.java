package io.paymentnotifier.topology;

import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The done store, read and written in one place. It keeps, for dedup.window, each acknowledged
 * payment's key-field fingerprint (a repeat with the same fingerprint is skipped) and a mark for
 * each payment dead-lettered after its attempts. The mark is not a fingerprint, so a repeat of a
 * dead-lettered payment (a DLQ replay) is notified again; it is there because a task releases a
 * retry without waiting for its retry record, which may come back after the payment has ended, and
 * must then be dropped rather than adopted.
 */
final class FinishedPayments {

  private static final String DEAD_LETTERED = "dead-lettered";

  private final WindowStore<String, String> store;

  FinishedPayments(final WindowStore<String, String> store) {
    this.store = store;
  }

  void acknowledged(final String paymentRequestId, final String fingerprint, final Instant at) {
    store.put(paymentRequestId, fingerprint, at.toEpochMilli());
  }

  void deadLettered(final String paymentRequestId, final Instant at) {
    store.put(paymentRequestId, DEAD_LETTERED, at.toEpochMilli());
  }

  /** The fingerprint of the payment's acknowledgment since {@code from}, unless it ended later. */
  Optional<String> acknowledgedFingerprint(
      final String paymentRequestId, final Instant from, final Instant to) {
    try (WindowStoreIterator<String> it = store.backwardFetch(paymentRequestId, from, to)) {
      if (!it.hasNext()) {
        return Optional.empty();
      }
      final String latest = it.next().value;
      return DEAD_LETTERED.equals(latest) ? Optional.empty() : Optional.of(latest);
    }
  }

  /** Whether the payment was acknowledged or dead-lettered after attempts, up to {@code to}. */
  boolean ended(final String paymentRequestId, final Instant to) {
    try (WindowStoreIterator<String> it =
        store.backwardFetch(paymentRequestId, Instant.EPOCH, to)) {
      return it.hasNext();
    }
  }
}
