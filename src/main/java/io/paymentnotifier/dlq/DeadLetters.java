package io.paymentnotifier.dlq;

import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.DeadLetterReason;
import io.paymentnotifier.events.NotifyAttempt;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.events.PendingNotification;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

/** Builds the dead-letter record for each reason, with everything the operator needs to act. */
public final class DeadLetters {

  private DeadLetters() {}

  /**
   * Bytes that can never be read as the expected record; they are kept as they came.
   *
   * @param input where the payment's input record was read: {@code origin} for an input record,
   *     null for a retry record (its bytes cannot say)
   */
  public static DeadLetter undeserializable(
      final byte[] rawKey,
      final byte[] rawValue,
      final Origin origin,
      final Origin input,
      final String detail,
      final Instant now) {
    return base(DeadLetterReason.UNDESERIALIZABLE, detail, origin, now)
        .setInput(input == null ? null : input.coordinates())
        .setRawKey(wrap(rawKey))
        .setRawValue(wrap(rawValue))
        .setFirstFailureAt(now)
        .setLastFailureAt(now)
        .build();
  }

  /** A readable event that breaks a rule; the detail names the field and the rule. */
  public static DeadLetter invalidEvent(
      final PaymentFinalized event,
      final byte[] rawKey,
      final Origin origin,
      final String detail,
      final Instant now) {
    return base(DeadLetterReason.INVALID_EVENT, detail, origin, now)
        .setInput(origin.coordinates())
        .setPaymentRequestId(event.getPaymentRequestId())
        .setEvent(event)
        .setRawKey(wrap(rawKey))
        .setFirstFailureAt(now)
        .setLastFailureAt(now)
        .build();
  }

  /** A repeat of a payment that is active or done, with other key fields than the first. */
  public static DeadLetter conflictingDuplicate(
      final PaymentFinalized event, final Origin origin, final String detail, final Instant now) {
    return base(DeadLetterReason.CONFLICTING_DUPLICATE, detail, origin, now)
        .setInput(origin.coordinates())
        .setPaymentRequestId(event.getPaymentRequestId())
        .setEvent(event)
        .setFirstFailureAt(now)
        .setLastFailureAt(now)
        .build();
  }

  /**
   * Alipay+ rejected the notification, or it ran out of retries: the whole history goes along, with
   * where its input record was read and the record it was taken from.
   */
  public static DeadLetter afterAttempts(
      final DeadLetterReason reason,
      final PendingNotification notification,
      final List<NotifyAttempt> history,
      final String detail,
      final Instant now) {
    final Origin origin =
        new Origin(
            notification.getOriginTopic(),
            notification.getOriginPartition(),
            notification.getOriginOffset());
    return base(reason, detail, origin, now)
        .setInput(notification.getInput())
        .setPaymentRequestId(notification.getEvent().getPaymentRequestId())
        .setEvent(notification.getEvent())
        .setHistory(history)
        .setFirstFailureAt(history.isEmpty() ? now : history.get(0).getStartedAt())
        .setLastFailureAt(now)
        .build();
  }

  private static DeadLetter.Builder base(
      final DeadLetterReason reason, final String detail, final Origin origin, final Instant now) {
    return DeadLetter.newBuilder()
        .setReason(reason)
        .setDetail(detail)
        .setOriginTopic(origin.topic())
        .setOriginPartition(origin.partition())
        .setOriginOffset(origin.offset())
        .setHistory(List.of())
        .setDeadLetteredAt(now);
  }

  private static ByteBuffer wrap(final byte[] bytes) {
    return bytes == null ? null : ByteBuffer.wrap(bytes);
  }
}
