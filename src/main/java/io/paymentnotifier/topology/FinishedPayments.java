package io.paymentnotifier.topology;

import io.paymentnotifier.events.DeadLetterReason;
import io.paymentnotifier.events.FinishedOutcome;
import io.paymentnotifier.events.FinishedPayment;
import io.paymentnotifier.events.NotificationDone;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The done store, read and written in one place. It keeps, for dedup.window, how each payment
 * ended: acknowledged, with its key-field fingerprint (a repeat with the same fingerprint is
 * skipped) and the acknowledgment code, or dead-lettered after its attempts, with the reason. A
 * dead-lettered entry has no fingerprint, so a repeat of such a payment (a DLQ replay) is notified
 * again; it is there because a task releases a retry without waiting for its retry record, which
 * may come back after the payment has ended, and must then be dropped rather than adopted. The
 * status lookup reads the latest entry of a payment.
 */
final class FinishedPayments {

  private final WindowStore<String, FinishedPayment> store;

  FinishedPayments(final WindowStore<String, FinishedPayment> store) {
    this.store = store;
  }

  void acknowledged(final NotificationDone done, final String fingerprint, final Instant at) {
    store.put(
        done.getPaymentRequestId(),
        FinishedPayment.newBuilder()
            .setOutcome(FinishedOutcome.ACKNOWLEDGED)
            .setFingerprint(fingerprint)
            .setAckResultStatus(done.getAckResultStatus())
            .setAckResultCode(done.getAckResultCode())
            .setAttempts(done.getAttempts())
            .build(),
        at.toEpochMilli());
  }

  void deadLettered(
      final String paymentRequestId,
      final DeadLetterReason reason,
      final int attempts,
      final Instant at) {
    store.put(
        paymentRequestId,
        FinishedPayment.newBuilder()
            .setOutcome(FinishedOutcome.DEAD_LETTERED)
            .setReason(reason.name())
            .setAttempts(attempts)
            .build(),
        at.toEpochMilli());
  }

  /** The fingerprint of the payment's acknowledgment since {@code from}, unless it ended later. */
  Optional<String> acknowledgedFingerprint(
      final String paymentRequestId, final Instant from, final Instant to) {
    // The long overload: the Instant one formats an error-message prefix on every call, a cost
    // paid once per notification on the stream thread.
    try (WindowStoreIterator<FinishedPayment> it =
        store.backwardFetch(paymentRequestId, from.toEpochMilli(), to.toEpochMilli())) {
      if (!it.hasNext()) {
        return Optional.empty();
      }
      final FinishedPayment latest = it.next().value;
      return latest.getOutcome() == FinishedOutcome.ACKNOWLEDGED
          ? Optional.ofNullable(latest.getFingerprint())
          : Optional.empty();
    }
  }

  /** Whether the payment was acknowledged or dead-lettered after attempts, up to {@code to}. */
  boolean ended(final String paymentRequestId, final Instant to) {
    try (WindowStoreIterator<FinishedPayment> it =
        store.backwardFetch(paymentRequestId, 0L, to.toEpochMilli())) {
      return it.hasNext();
    }
  }

  /** How the payment ended, as the latest entry up to {@code to} says: Done or DeadLettered. */
  static Optional<PaymentStatus> latest(
      final ReadOnlyWindowStore<String, FinishedPayment> store,
      final String paymentRequestId,
      final Instant to) {
    try (WindowStoreIterator<FinishedPayment> it =
        store.backwardFetch(paymentRequestId, Instant.EPOCH, to)) {
      if (!it.hasNext()) {
        return Optional.empty();
      }
      final KeyValue<Long, FinishedPayment> latest = it.next();
      return Optional.of(status(paymentRequestId, Instant.ofEpochMilli(latest.key), latest.value));
    }
  }

  private static PaymentStatus status(
      final String paymentRequestId, final Instant at, final FinishedPayment entry) {
    if (entry.getOutcome() == FinishedOutcome.ACKNOWLEDGED) {
      return new PaymentStatus.Done(
          paymentRequestId,
          at,
          entry.getAckResultStatus(),
          entry.getAckResultCode(),
          entry.getAttempts());
    }
    return new PaymentStatus.DeadLettered(
        paymentRequestId, at, entry.getReason(), entry.getAttempts(), null);
  }
}
