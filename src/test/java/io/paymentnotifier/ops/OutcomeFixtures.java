package io.paymentnotifier.ops;

import io.paymentnotifier.events.Amount;
import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.DeadLetterReason;
import io.paymentnotifier.events.NotificationDone;
import io.paymentnotifier.events.NotifyAttempt;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.events.PaymentResult;
import io.paymentnotifier.notify.Acknowledged;
import io.paymentnotifier.notify.CallReport;
import io.paymentnotifier.notify.Rejected;
import io.paymentnotifier.notify.RetryLater;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Terminal records and call outcomes as the topology reports them, for observer tests. */
final class OutcomeFixtures {

  static final Instant OCCURRED_AT = Instant.parse("2026-01-01T00:00:00Z");

  private OutcomeFixtures() {}

  static NotificationDone aDone(final String paymentRequestId, final int attempts) {
    return NotificationDone.newBuilder()
        .setPaymentRequestId(paymentRequestId)
        .setPaymentId("pay-" + paymentRequestId)
        .setEventId("evt-" + paymentRequestId)
        .setPaymentResultStatus("S")
        .setPaymentResultCode("SUCCESS")
        .setAckResultStatus("S")
        .setAckResultCode("SUCCESS")
        .setAttempts(attempts)
        .setFirstAttemptAt(OCCURRED_AT.plusMillis(10))
        .setLastAttemptAt(OCCURRED_AT.plusMillis(20))
        .setAcknowledgedAt(OCCURRED_AT.plusMillis(42))
        .setTotalLatencyMs(42)
        .build();
  }

  static PaymentFinalized aPayment(final String paymentRequestId, final String customerId) {
    return PaymentFinalized.newBuilder()
        .setEventId("evt-" + paymentRequestId)
        .setOccurredAt(OCCURRED_AT)
        .setSource("checkout")
        .setPaymentRequestId(paymentRequestId)
        .setPaymentId("pay-" + paymentRequestId)
        .setPaymentTime("2026-01-01T08:00:00+08:00")
        .setPaymentResult(
            PaymentResult.newBuilder().setResultStatus("S").setResultCode("SUCCESS").build())
        .setPaymentAmount(Amount.newBuilder().setValue("100").setCurrency("JPY").build())
        .setCustomerId(customerId)
        .build();
  }

  static NotifyAttempt anAttempt(final int attempt, final String resultCode) {
    return NotifyAttempt.newBuilder()
        .setAttempt(attempt)
        .setStartedAt(OCCURRED_AT.plusSeconds(attempt))
        .setLatencyMs(30)
        .setOutcome(resultCode == null ? "RETRY_LATER" : "REJECTED")
        .setHttpStatus(resultCode == null ? 503 : 200)
        .setResultStatus(resultCode == null ? null : "F")
        .setResultCode(resultCode)
        .build();
  }

  static DeadLetter aDeadLetter(
      final DeadLetterReason reason,
      final PaymentFinalized event,
      final List<NotifyAttempt> history) {
    return DeadLetter.newBuilder()
        .setReason(reason)
        .setDetail("F PARAM_ILLEGAL: check header and body fields")
        .setPaymentRequestId(event == null ? null : event.getPaymentRequestId())
        .setEvent(event)
        .setOriginTopic("payment-finalized")
        .setOriginPartition(0)
        .setOriginOffset(7)
        .setHistory(history)
        .setDeadLetteredAt(OCCURRED_AT.plusSeconds(90))
        .build();
  }

  static CallReport aCall(
      final Integer httpStatus, final String resultCode, final long latencyMs, final String error) {
    return new CallReport(
        OCCURRED_AT,
        Duration.ofMillis(latencyMs),
        httpStatus,
        resultCode == null ? null : "S",
        resultCode,
        null,
        error);
  }

  static Acknowledged anAcknowledged(final long latencyMs) {
    return new Acknowledged(aCall(200, "SUCCESS", latencyMs, null));
  }

  static RetryLater aRetryLater(final CallReport call) {
    return new RetryLater(call, "retry");
  }

  static Rejected aRejected(final String resultCode) {
    return new Rejected(aCall(200, resultCode, 20, null), "F " + resultCode);
  }
}
