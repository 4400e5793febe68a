package io.paymentnotifier.topology;

import static io.paymentnotifier.testing.Payments.aPayment;
import static io.paymentnotifier.testing.Payments.amount;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.config.NotifyUrlAllowlist;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.events.PaymentResult;
import java.net.URI;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PaymentValidatorTest {

  private static final String LONG = "x".repeat(65);
  private static final PaymentValidator VALIDATOR =
      new PaymentValidator(TopologyHarness.NOTIFY_URLS);

  @Test
  void shouldAcceptAValidEvent() {
    // given
    final PaymentFinalized event = aPayment("p-1").build();
    // when / then
    assertThat(VALIDATOR.violation("p-1", event)).isEmpty();
  }

  @Test
  void shouldAcceptAnEventWithoutOptionalFields() {
    // given
    final PaymentFinalized event = aPayment("p-1").setPayToAmount(null).setCustomerId(null).build();
    // when / then
    assertThat(VALIDATOR.violation("p-1", event)).isEmpty();
  }

  @Test
  void shouldAcceptAnHttpsNotifyUrlWithHostPortAndPath() {
    // given
    final PaymentFinalized event =
        aPayment("p-1").setNotifyUrl("https://127.0.0.1:8443/aps/api/v1/notify").build();
    // when / then
    assertThat(VALIDATOR.violation("p-1", event)).isEmpty();
  }

  @Test
  void shouldAcceptANotifyUrlOnAWildcardSubdomainOverHttpWhenTheBaseUrlIsHttp() {
    // given
    final PaymentValidator overHttp =
        new PaymentValidator(
            NotifyUrlAllowlist.of(URI.create("http://127.0.0.1:8090"), List.of("*.example.com")));
    final PaymentFinalized event =
        aPayment("p-1").setNotifyUrl("http://mpp.example.com:8090/aps/api/v1/notify").build();
    // when / then
    assertThat(overHttp.violation("p-1", event)).isEmpty();
  }

  @Test
  void shouldNeverRepeatTheCredentialsOfANotifyUrlInTheViolation() {
    // given
    final PaymentFinalized event =
        aPayment("p-1").setNotifyUrl("https://user:secret@127.0.0.1/notify").build();
    // when / then
    assertThat(VALIDATOR.violation("p-1", event))
        .hasValueSatisfying(v -> assertThat(v).doesNotContain("secret"));
  }

  static Stream<Arguments> brokenRules() {
    return Stream.of(
        broken("blank eventId", b -> b.setEventId(" "), "eventId: is required"),
        broken("long paymentId", b -> b.setPaymentId(LONG), "paymentId: must be at most 64"),
        broken("long source", b -> b.setSource(LONG), "source: must be at most 64"),
        broken(
            "empty customerId", b -> b.setCustomerId(""), "customerId: must be null or non-empty"),
        broken("long customerId", b -> b.setCustomerId(LONG), "customerId: must be at most 64"),
        broken(
            "time without offset",
            b -> b.setPaymentTime("2026-01-01T08:00:00"),
            "paymentTime: must be an ISO-8601"),
        broken(
            "time not a time",
            b -> b.setPaymentTime("yesterday"),
            "paymentTime: must be an ISO-8601"),
        broken(
            "status U",
            b -> b.setPaymentResult(result("U", "X")),
            "paymentResult.resultStatus: must be S or F"),
        broken(
            "blank code",
            b -> b.setPaymentResult(result("S", "")),
            "paymentResult.resultCode: is required"),
        broken(
            "long code",
            b -> b.setPaymentResult(result("F", LONG)),
            "paymentResult.resultCode: must be at most 64"),
        broken(
            "decimal amount",
            b -> b.setPaymentAmount(amount("1.00", "USD")),
            "paymentAmount.value: must be a non-negative integer"),
        broken(
            "negative amount",
            b -> b.setPaymentAmount(amount("-1", "USD")),
            "paymentAmount.value: must be a non-negative integer"),
        broken(
            "lower-case currency",
            b -> b.setPaymentAmount(amount("1", "usd")),
            "paymentAmount.currency: must be a 3-letter"),
        broken(
            "4-letter currency",
            b -> b.setPayToAmount(amount("1", "USDT")),
            "payToAmount.currency: must be a 3-letter"),
        broken(
            "customs amount",
            b -> b.setCustomsDeclarationAmount(amount("", "USD")),
            "customsDeclarationAmount.value"),
        broken(
            "relative notifyUrl",
            b -> b.setNotifyUrl("/notify"),
            "notifyUrl: must be null or an absolute http(s) URL"),
        broken(
            "ftp notifyUrl",
            b -> b.setNotifyUrl("ftp://127.0.0.1/notify"),
            "notifyUrl: must be null or an absolute http(s) URL"),
        broken(
            "notifyUrl without a path",
            b -> b.setNotifyUrl("https://127.0.0.1"),
            "notifyUrl: must have a path"),
        broken(
            "notifyUrl port out of range",
            b -> b.setNotifyUrl("https://127.0.0.1:99999/notify"),
            "notifyUrl: port must be 1 to 65535, was 99999"),
        broken(
            "notifyUrl with user-info",
            b -> b.setNotifyUrl("https://user:secret@127.0.0.1/notify"),
            "notifyUrl: must not carry user-info (credentials)"),
        broken(
            "notifyUrl host not allowed",
            b -> b.setNotifyUrl("https://127.0.0.2:8443/aps/api/v1/notify"),
            "notifyUrl: host 127.0.0.2 is not allowed (alipay.notify.url.allowed.hosts:"
                + " 127.0.0.1)"),
        broken(
            "notifyUrl localhost not allowed",
            b -> b.setNotifyUrl("https://localhost:8443/aps/api/v1/notify"),
            "notifyUrl: host localhost is not allowed"),
        broken(
            "notifyUrl over http while the base URL is https",
            b -> b.setNotifyUrl("http://127.0.0.1:8090/aps/api/v1/notify"),
            "notifyUrl: must be https like alipay.base.url, was http to host 127.0.0.1"),
        broken(
            "notifyUrl with control characters",
            b -> b.setNotifyUrl("https://127.0.0.1/\u0007\u001b[2J"),
            "notifyUrl: must be null or an absolute http(s) URL, was"
                + " \"https://127.0.0.1/\\u0007\\u001B[2J\""),
        broken(
            "key mismatch",
            b -> b.setPaymentRequestId("p-2"),
            "key: the record key must equal paymentRequestId"),
        broken(
            "long id", b -> b.setPaymentRequestId(LONG), "paymentRequestId: must be at most 64"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenRules")
  void shouldNameTheFieldAndRuleWhenARuleIsBroken(
      final String name, final UnaryOperator<PaymentFinalized.Builder> change, final String rule) {
    // given
    final PaymentFinalized event = change.apply(aPayment("p-1")).build();
    // when / then
    assertThat(VALIDATOR.violation("p-1", event))
        .hasValueSatisfying(v -> assertThat(v).startsWith(rule));
  }

  private static Arguments broken(
      final String name, final UnaryOperator<PaymentFinalized.Builder> change, final String rule) {
    return Arguments.of(name, change, rule);
  }

  private static PaymentResult result(final String status, final String code) {
    return PaymentResult.newBuilder().setResultStatus(status).setResultCode(code).build();
  }
}
