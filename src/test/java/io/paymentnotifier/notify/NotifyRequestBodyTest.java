package io.paymentnotifier.notify;

import static io.paymentnotifier.testing.Payments.aPayment;
import static io.paymentnotifier.testing.Payments.amount;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.events.PaymentFinalized;
import org.junit.jupiter.api.Test;

class NotifyRequestBodyTest {

  @Test
  void shouldWriteTheDocumentedSampleFieldForField() {
    // given: the success sample of the Alipay+ docs (spec §4)
    final PaymentFinalized payment =
        aPayment()
            .setPaymentRequestId("20200101234567890132")
            .setPaymentId("202001012345678901322222")
            .build();
    // when
    final String body = NotifyRequestBody.toJson(payment);
    // then
    assertThat(body)
        .isEqualTo(
            "{\"paymentResult\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\","
                + "\"resultMessage\":\"success\"},"
                + "\"paymentRequestId\":\"20200101234567890132\","
                + "\"paymentId\":\"202001012345678901322222\","
                + "\"paymentTime\":\"2020-01-01T12:01:01+08:30\","
                + "\"paymentAmount\":{\"value\":\"100\",\"currency\":\"JPY\"},"
                + "\"payToAmount\":{\"value\":\"1000\",\"currency\":\"KRW\"},"
                + "\"customerId\":\"1234567\"}");
  }

  @Test
  void shouldLeaveOutAbsentAndBlankOptionalFields() {
    // given
    final PaymentFinalized payment = aPayment().setPayToAmount(null).setCustomerId("").build();
    payment.getPaymentResult().setResultMessage(null);
    // when
    final String body = NotifyRequestBody.toJson(payment);
    // then
    assertThat(body)
        .doesNotContain("payToAmount", "customerId", "resultMessage", "customsDeclarationAmount")
        .doesNotContain("\"\"");
  }

  @Test
  void shouldWriteCustomsDeclarationAmountWhenPresent() {
    // given
    final PaymentFinalized payment =
        aPayment().setCustomsDeclarationAmount(amount("80", "JPY")).build();
    // when
    final String body = NotifyRequestBody.toJson(payment);
    // then
    assertThat(body)
        .endsWith(",\"customsDeclarationAmount\":{\"value\":\"80\",\"currency\":\"JPY\"}}");
  }

  @Test
  void shouldEscapeQuotesBackslashesAndControlCharacters() {
    // given
    final PaymentFinalized payment = aPayment().build();
    payment.getPaymentResult().setResultMessage("say \"no\" \\ then\nstop");
    // when
    final String body = NotifyRequestBody.toJson(payment);
    // then
    assertThat(body).contains("\"resultMessage\":\"say \\\"no\\\" \\\\ then\\nstop\"");
  }

  @Test
  void shouldWriteTheSameBytesEveryTime() {
    // given
    final PaymentFinalized payment = aPayment().build();
    final PaymentFinalized sameEventRead = PaymentFinalized.newBuilder(payment).build();
    // when
    final String first = NotifyRequestBody.toJson(payment);
    final String again = NotifyRequestBody.toJson(sameEventRead);
    // then
    assertThat(again).isEqualTo(first);
  }
}
