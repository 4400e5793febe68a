package io.paymentnotifier.topology;

import io.paymentnotifier.events.Amount;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.events.PaymentResult;
import java.time.Instant;

/** Test events: a valid PaymentFinalized to start from, changed per test through its builder. */
public final class Payments {

  private Payments() {}

  /** A valid, successful payment with the given paymentRequestId. */
  public static PaymentFinalized.Builder aPayment(final String paymentRequestId) {
    return PaymentFinalized.newBuilder()
        .setEventId("evt-" + paymentRequestId)
        .setOccurredAt(Instant.parse("2026-01-01T00:00:00Z"))
        .setSource("payments-core")
        .setPaymentRequestId(paymentRequestId)
        .setPaymentId("pay-" + paymentRequestId)
        .setPaymentTime("2026-01-01T08:00:00+08:00")
        .setPaymentResult(
            PaymentResult.newBuilder()
                .setResultStatus("S")
                .setResultCode("SUCCESS")
                .setResultMessage("success")
                .build())
        .setPaymentAmount(amount("100", "JPY"))
        .setPayToAmount(amount("1000", "KRW"))
        .setCustomerId("1234567")
        .setCustomsDeclarationAmount(null)
        .setNotifyUrl(null);
  }

  public static Amount amount(final String value, final String currency) {
    return Amount.newBuilder().setValue(value).setCurrency(currency).build();
  }
}
