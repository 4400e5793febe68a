package io.paymentnotifier.notify;

import io.paymentnotifier.events.Amount;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.events.PaymentResult;
import java.time.Instant;
import java.util.UUID;

/** Test payments: {@code aPayment()} is a complete, valid, successful payment with a fresh id. */
public final class Payments {

  private Payments() {}

  /** A full valid payment; change what a test needs through the builder. */
  public static PaymentFinalized.Builder aPayment() {
    final String id = "2026" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    return PaymentFinalized.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setOccurredAt(Instant.parse("2026-01-01T12:00:00Z"))
        .setSource("test")
        .setPaymentRequestId(id)
        .setPaymentId("pay-" + id)
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
