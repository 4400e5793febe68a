package io.paymentnotifier.testing;

import io.paymentnotifier.events.Amount;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.events.PaymentResult;
import java.time.Instant;
import java.util.UUID;

/**
 * Test payments: a complete, valid, successful PaymentFinalized with the values of the Alipay+
 * success sample (spec §4), changed per test through its builder.
 */
public final class Payments {

  private Payments() {}

  /** A valid payment with a fresh paymentRequestId. */
  public static PaymentFinalized.Builder aPayment() {
    return aPayment("2026" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
  }

  /** A valid payment with the given paymentRequestId; its eventId is {@code evt-<id>}. */
  public static PaymentFinalized.Builder aPayment(final String paymentRequestId) {
    return PaymentFinalized.newBuilder()
        .setEventId("evt-" + paymentRequestId)
        .setOccurredAt(Instant.parse("2026-01-01T12:00:00Z"))
        .setSource("test")
        .setPaymentRequestId(paymentRequestId)
        .setPaymentId("pay-" + paymentRequestId)
        .setPaymentTime("2020-01-01T12:01:01+08:30")
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
