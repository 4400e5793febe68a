package io.paymentnotifier.topology;

import io.paymentnotifier.dlq.Origin;
import java.time.Instant;

/**
 * Where one payment's notification stands, as the stores know it: the answer of the status lookup.
 * Times and counts the stores did not record (state written by an earlier release) are null.
 */
public sealed interface PaymentStatus {

  String paymentRequestId();

  /** Hands the status to the method of its type: exhaustive, no casts. */
  <R> R match(Cases<R> cases);

  /** One method per kind of status; a new kind fails to compile until every user handles it. */
  interface Cases<R> {
    R inFlight(InFlight status);

    R waiting(Waiting status);

    R done(Done status);

    R deadLettered(DeadLettered status);

    R unknown(Unknown status);
  }

  /** Attempt {@code attempt} is being called, since {@code since}. */
  record InFlight(String paymentRequestId, int attempt, Instant since) implements PaymentStatus {
    @Override
    public <R> R match(final Cases<R> cases) {
      return cases.inFlight(this);
    }
  }

  /**
   * Attempt {@code attempt} waits until {@code dueAt}; {@code lastAnswer} says how the previous
   * attempt ended (e.g. {@code U UNKNOWN_EXCEPTION}, {@code HTTP 503}).
   */
  record Waiting(String paymentRequestId, int attempt, Instant dueAt, String lastAnswer)
      implements PaymentStatus {
    @Override
    public <R> R match(final Cases<R> cases) {
      return cases.waiting(this);
    }
  }

  /** Alipay+ acknowledged it; the done record was written at {@code doneAt}. */
  record Done(
      String paymentRequestId,
      Instant doneAt,
      String ackResultStatus,
      String ackResultCode,
      Integer attempts)
      implements PaymentStatus {
    @Override
    public <R> R match(final Cases<R> cases) {
      return cases.done(this);
    }
  }

  /**
   * It went to the DLQ at {@code deadLetteredAt}; {@code dlqRecord} is where the DLQ record is,
   * null until the dead-letter index has read it back.
   */
  record DeadLettered(
      String paymentRequestId,
      Instant deadLetteredAt,
      String reason,
      Integer attempts,
      Origin dlqRecord)
      implements PaymentStatus {
    @Override
    public <R> R match(final Cases<R> cases) {
      return cases.deadLettered(this);
    }
  }

  /** Neither in flight, nor waiting, nor finished within dedup.window. */
  record Unknown(String paymentRequestId) implements PaymentStatus {
    @Override
    public <R> R match(final Cases<R> cases) {
      return cases.unknown(this);
    }
  }

  /**
   * The answer from the notification stores' part and the dead-letter index's part. What is going
   * on now (in flight, waiting) or an acknowledgment wins: a dead letter after an acknowledgment is
   * a conflicting repeat, the payment itself was notified. A dead letter the notification stores
   * know takes its DLQ record from the index; one they do not know (an invalid or unreadable event,
   * a conflicting duplicate) is the index's alone.
   */
  static PaymentStatus combine(final PaymentStatus notification, final PaymentStatus deadLetters) {
    if (notification instanceof DeadLettered known && deadLetters instanceof DeadLettered indexed) {
      return new DeadLettered(
          known.paymentRequestId(),
          known.deadLetteredAt(),
          known.reason() != null ? known.reason() : indexed.reason(),
          known.attempts(),
          indexed.dlqRecord());
    }
    if (notification instanceof Unknown) {
      return deadLetters;
    }
    return notification;
  }

  /** Whether the dead-letter index may add to this part of the notification stores. */
  static boolean needsDeadLetters(final PaymentStatus notification) {
    return notification instanceof Unknown || notification instanceof DeadLettered;
  }
}
