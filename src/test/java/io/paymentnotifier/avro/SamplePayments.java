package io.paymentnotifier.avro;

import io.paymentnotifier.events.Amount;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.events.PaymentResult;
import java.time.Instant;

/** Test fixtures: valid {@link PaymentFinalized} events. */
final class SamplePayments {

  private SamplePayments() {}

  static PaymentFinalized.Builder aPaymentFinalized(final String paymentRequestId) {
    return PaymentFinalized.newBuilder()
        .setEventId("evt-" + paymentRequestId)
        .setOccurredAt(Instant.parse("2026-01-01T12:00:00Z"))
        .setSource("checkout")
        .setPaymentRequestId(paymentRequestId)
        .setPaymentId("pay-" + paymentRequestId)
        .setPaymentTime("2026-01-01T20:00:00+08:00")
        .setPaymentResult(
            PaymentResult.newBuilder().setResultStatus("S").setResultCode("SUCCESS").build())
        .setPaymentAmount(Amount.newBuilder().setValue("100").setCurrency("JPY").build())
        .setCustomerId("cust-1");
  }
}
