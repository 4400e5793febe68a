package io.paymentnotifier.topology;

import io.paymentnotifier.events.NotificationDone;
import io.paymentnotifier.events.NotifyAttempt;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.notify.CallReport;
import io.paymentnotifier.notify.NotifyOutcome;
import java.time.Instant;
import java.util.List;

/** Turns call reports into history entries and an acknowledged history into a done record. */
public final class Attempts {

  private static final int MAX_ERROR = 120;

  private Attempts() {}

  /** The history entry of one call, numbered {@code attempt}. */
  public static NotifyAttempt of(final int attempt, final NotifyOutcome outcome) {
    final CallReport call = outcome.call();
    return NotifyAttempt.newBuilder()
        .setAttempt(attempt)
        .setStartedAt(call.startedAt())
        .setLatencyMs(call.latency().toMillis())
        .setOutcome(outcome.kind().name())
        .setHttpStatus(call.httpStatus())
        .setResultStatus(call.resultStatus())
        .setResultCode(call.resultCode())
        .setResultMessage(call.resultMessage())
        .setError(call.error())
        .build();
  }

  /** The done record of a payment whose last attempt in {@code history} was acknowledged. */
  public static NotificationDone done(
      final PaymentFinalized event, final List<NotifyAttempt> history) {
    final NotifyAttempt last = history.get(history.size() - 1);
    final Instant acknowledgedAt = last.getStartedAt().plusMillis(last.getLatencyMs());
    return NotificationDone.newBuilder()
        .setPaymentRequestId(event.getPaymentRequestId())
        .setPaymentId(event.getPaymentId())
        .setEventId(event.getEventId())
        .setPaymentResultStatus(event.getPaymentResult().getResultStatus())
        .setPaymentResultCode(event.getPaymentResult().getResultCode())
        .setAckResultStatus(orDefault(last.getResultStatus(), "S"))
        .setAckResultCode(orDefault(last.getResultCode(), "SUCCESS"))
        .setAckResultMessage(last.getResultMessage())
        .setAttempts(last.getAttempt())
        .setFirstAttemptAt(history.get(0).getStartedAt())
        .setLastAttemptAt(last.getStartedAt())
        .setAcknowledgedAt(acknowledgedAt)
        .setTotalLatencyMs(acknowledgedAt.toEpochMilli() - event.getOccurredAt().toEpochMilli())
        .build();
  }

  /**
   * How an attempt ended, in a few words: the answer's status and code ({@code U
   * UNKNOWN_EXCEPTION}), else its HTTP status ({@code HTTP 503}), else the error (a timeout).
   */
  public static String answer(final NotifyAttempt attempt) {
    if (attempt.getResultCode() != null) {
      return orDefault(attempt.getResultStatus(), "?") + " " + attempt.getResultCode();
    }
    if (attempt.getHttpStatus() != null) {
      return "HTTP " + attempt.getHttpStatus();
    }
    final String error = attempt.getError();
    if (error != null) {
      return error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR) + "…";
    }
    return attempt.getOutcome();
  }

  private static String orDefault(final String value, final String fallback) {
    return value == null ? fallback : value;
  }
}
