package io.paymentnotifier.ops;

import io.paymentnotifier.topology.PaymentStatus;
import java.time.Instant;

/** A payment's status in one line for a person, as {@code payment-notifier status} prints it. */
public final class PaymentStatusText implements PaymentStatus.Cases<String> {

  private static final PaymentStatusText INSTANCE = new PaymentStatusText();
  private static final String NOT_RECORDED = "(not recorded)";

  private PaymentStatusText() {}

  /** E.g. {@code p-1: done at 2026-03-01T10:00:00.120Z, acknowledged S SUCCESS, 1 attempt}. */
  public static String of(final PaymentStatus status) {
    return status.paymentRequestId() + ": " + status.match(INSTANCE);
  }

  @Override
  public String inFlight(final PaymentStatus.InFlight status) {
    return "in flight since " + time(status.since()) + " (attempt " + status.attempt() + ")";
  }

  @Override
  public String waiting(final PaymentStatus.Waiting status) {
    final String last =
        status.lastAnswer() == null ? "" : " (last answer: " + status.lastAnswer() + ")";
    return "waiting for attempt " + status.attempt() + ", due at " + time(status.dueAt()) + last;
  }

  @Override
  public String done(final PaymentStatus.Done status) {
    final String ack =
        status.ackResultCode() == null
            ? "acknowledged, code not recorded (finished before this release)"
            : "acknowledged " + orBlank(status.ackResultStatus()) + status.ackResultCode();
    return "done at " + time(status.doneAt()) + ", " + ack + attempts(status.attempts());
  }

  @Override
  public String deadLettered(final PaymentStatus.DeadLettered status) {
    final String record =
        status.dlqRecord() == null
            ? "; its DLQ record is not indexed yet"
            : "; DLQ record " + status.dlqRecord().text();
    return "dead-lettered at "
        + time(status.deadLetteredAt())
        + " as "
        + (status.reason() == null ? "UNKNOWN" : status.reason())
        + attempts(status.attempts())
        + record
        + " (dlq show "
        + status.paymentRequestId()
        + " tells the whole story)";
  }

  @Override
  public String unknown(final PaymentStatus.Unknown status) {
    return "unknown: not in flight, not waiting, not finished within dedup.window";
  }

  private static String time(final Instant at) {
    return at == null ? NOT_RECORDED : at.toString();
  }

  private static String orBlank(final String status) {
    return status == null ? "" : status + " ";
  }

  private static String attempts(final Integer attempts) {
    if (attempts == null) {
      return "";
    }
    return ", " + attempts + (attempts == 1 ? " attempt" : " attempts");
  }
}
