package io.paymentnotifier.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.notify.AckResult;
import io.paymentnotifier.notify.NotifyPaymentApi;
import io.paymentnotifier.notify.NotifyRequestBody;
import io.paymentnotifier.notify.RsaSigner;
import io.paymentnotifier.notify.SignatureHeader;
import io.paymentnotifier.notify.SignedContent;
import io.paymentnotifier.notify.TestKeys;
import io.paymentnotifier.testing.Payments;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator seen from the wire: requests signed by hand, sent with the JDK HTTP client. */
class AlipaySimulatorIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLIENT_ID = "SIM_TEST";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static AlipaySimulator simulator;

  @BeforeAll
  static void start() {
    simulator =
        new AlipaySimulator(TestKeys.alipayPrivate(), TestKeys.mppPublic(), SimulatorFaults.none())
            .start();
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @AfterEach
  void heal() {
    simulator.faults(SimulatorFaults.none());
  }

  private static HttpResponse<String> post(final String body) throws Exception {
    final String time = "2026-01-01T00:00:00Z";
    final String signature =
        RsaSigner.jdk()
            .sign(
                TestKeys.mppPrivate(),
                SignedContent.of(NotifyPaymentApi.PATH, CLIENT_ID, time, body));
    return send(
        HttpRequest.newBuilder(simulator.notifyUrl())
            .header("Content-Type", "application/json; charset=UTF-8")
            .header("Client-Id", CLIENT_ID)
            .header("Request-Time", time)
            .header("Signature", SignatureHeader.rsa256(1, signature).format())
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpResponse<String> send(final HttpRequest.Builder request) throws Exception {
    return HTTP.send(
        request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static AckResult ackOf(final HttpResponse<String> response) {
    return AckResult.parse(response.body()).orElseThrow();
  }

  private static String validBody() {
    return NotifyRequestBody.toJson(Payments.aPayment().build());
  }

  @Test
  void shouldAnswerSuccessSignedWithTheAlipayKey() throws Exception {
    // when
    final HttpResponse<String> response = post(validBody());
    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(ackOf(response)).isEqualTo(new AckResult("S", "SUCCESS", "success"));
    final String responseTime = response.headers().firstValue("Response-Time").orElseThrow();
    final SignatureHeader signature =
        SignatureHeader.parse(response.headers().firstValue("Signature").orElseThrow())
            .orElseThrow();
    assertThat(
            RsaSigner.jdk()
                .verify(
                    TestKeys.alipayPublic(),
                    SignedContent.of(
                        NotifyPaymentApi.PATH, CLIENT_ID, responseTime, response.body()),
                    signature.signature()))
        .isTrue();
  }

  @Test
  void shouldPadAnOversizeAnswerToItsLengthSignedAndWithAContentLength() throws Exception {
    // given
    simulator.faults(SimulatorFaults.builder().oversizeRate(1.0).oversizeBytes(200_000).build());
    // when
    final HttpResponse<String> response = post(validBody());
    // then: still a valid, signed S answer for whoever reads it all
    assertThat(response.body()).hasSize(200_000);
    assertThat(response.headers().firstValue("Content-Length")).contains("200000");
    assertThat(ackOf(response)).isEqualTo(new AckResult("S", "SUCCESS", "success"));
    assertThat(signatureVerifies(response)).isTrue();
    assertThat(simulator.stats().answered("S SUCCESS (oversize)")).isOne();
  }

  @Test
  void shouldSendAChunkedOversizeAnswerWithoutContentLength() throws Exception {
    // given
    simulator.faults(
        SimulatorFaults.builder().oversizeChunkedRate(1.0).oversizeBytes(200_000).build());
    // when
    final HttpResponse<String> response = post(validBody());
    // then
    assertThat(response.body()).hasSize(200_000);
    assertThat(response.headers().firstValue("Content-Length")).isEmpty();
    assertThat(response.headers().firstValue("Transfer-Encoding")).contains("chunked");
    assertThat(signatureVerifies(response)).isTrue();
  }

  @Test
  void shouldRedirectToTheConfiguredLocation() throws Exception {
    // given
    final URI elsewhere = URI.create("http://127.0.0.2:9/aps/api/v1/payments/notifyPayment");
    simulator.faults(SimulatorFaults.builder().redirect(1.0, elsewhere).build());
    // when
    final HttpResponse<String> response = post(validBody());
    // then
    assertThat(response.statusCode()).isEqualTo(307);
    assertThat(response.headers().firstValue("Location")).contains(elsewhere.toString());
  }

  private static boolean signatureVerifies(final HttpResponse<String> response) {
    final String responseTime = response.headers().firstValue("Response-Time").orElseThrow();
    final SignatureHeader signature =
        SignatureHeader.parse(response.headers().firstValue("Signature").orElseThrow())
            .orElseThrow();
    return RsaSigner.jdk()
        .verify(
            TestKeys.alipayPublic(),
            SignedContent.of(NotifyPaymentApi.PATH, CLIENT_ID, responseTime, response.body()),
            signature.signature());
  }

  @Test
  void shouldAnswerParamIllegalWhenAValueIsAnEmptyString() throws Exception {
    assertParamIllegal(
        validBody().replace("\"customerId\":\"1234567\"", "\"customerId\":\"\""),
        "customerId must not be an empty string");
  }

  @Test
  void shouldAnswerParamIllegalWhenPaymentStatusIsU() throws Exception {
    assertParamIllegal(
        validBody().replace("\"resultStatus\":\"S\"", "\"resultStatus\":\"U\""),
        "paymentResult.resultStatus must be S or F");
  }

  @Test
  void shouldAnswerParamIllegalWhenAValueIsNotAString() throws Exception {
    assertParamIllegal(
        validBody().replace("\"value\":\"100\"", "\"value\":100"),
        "paymentAmount.value must be a string");
  }

  @Test
  void shouldAnswerParamIllegalWhenARequiredFieldIsMissing() throws Exception {
    assertParamIllegal(
        validBody().replaceFirst("\"paymentId\":\"[^\"]*\",", ""), "paymentId is required");
  }

  @Test
  void shouldAnswerParamIllegalWhenBodyIsNotJson() throws Exception {
    assertParamIllegal("not json", "body is not a JSON object");
  }

  @Test
  void shouldAnswerInvalidSignatureWhenSignatureIsMissing() throws Exception {
    // when
    final HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(simulator.notifyUrl())
                .header("Content-Type", "application/json")
                .header("Client-Id", CLIENT_ID)
                .header("Request-Time", "2026-01-01T00:00:00Z")
                .POST(HttpRequest.BodyPublishers.ofString(validBody())));
    // then
    assertThat(ackOf(response).code()).isEqualTo("INVALID_SIGNATURE");
  }

  @Test
  void shouldAnswerMethodNotSupportedForGet() throws Exception {
    // when
    final HttpResponse<String> response = send(HttpRequest.newBuilder(simulator.notifyUrl()).GET());
    // then
    assertThat(ackOf(response).code()).isEqualTo("METHOD_NOT_SUPPORTED");
  }

  @Test
  void shouldAnswerMediaTypeNotAcceptableForFormPosts() throws Exception {
    // when
    final HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(simulator.notifyUrl())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=b")));
    // then
    assertThat(ackOf(response).code()).isEqualTo("MEDIA_TYPE_NOT_ACCEPTABLE");
  }

  @Test
  void shouldAnswerInvalidApiForOtherPaths() throws Exception {
    // when
    final HttpResponse<String> response =
        send(HttpRequest.newBuilder(simulator.baseUrl().resolve("/aps/api/v1/payments/pay")).GET());
    // then
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(ackOf(response).code()).isEqualTo("INVALID_API");
  }

  @Test
  void shouldAnswerAnIdenticalRepeatAsTheFirstFinalAnswer() throws Exception {
    // given: the first call is rejected finally
    final String body = validBody();
    simulator.faults(SimulatorFaults.builder().failCode("PROCESS_FAIL", 1.0).build());
    final AckResult first = ackOf(post(body));
    simulator.faults(SimulatorFaults.none());
    // when
    final AckResult repeat = ackOf(post(body));
    // then
    assertThat(first.code()).isEqualTo("PROCESS_FAIL");
    assertThat(repeat).isEqualTo(first);
  }

  @Test
  void shouldProcessARepeatAfreshWhenTheFirstAnswerWasNotFinal() throws Exception {
    // given
    final String body = validBody();
    simulator.faults(SimulatorFaults.builder().unknownRate(1.0).build());
    final AckResult first = ackOf(post(body));
    simulator.faults(SimulatorFaults.none());
    // when
    final AckResult repeat = ackOf(post(body));
    // then
    assertThat(first.status()).isEqualTo("U");
    assertThat(repeat.status()).isEqualTo("S");
  }

  @Test
  void shouldServeRequestCountsAsJson() throws Exception {
    // given
    final PaymentFinalized payment = Payments.aPayment().build();
    final String body = NotifyRequestBody.toJson(payment);
    post(body);
    post(body);
    // when
    final HttpResponse<String> stats =
        send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/stats")).GET());
    // then
    final JsonNode json = JSON.readTree(stats.body());
    assertThat(json.path("requestsByPaymentRequestId").path(payment.getPaymentRequestId()).asLong())
        .isEqualTo(2);
    assertThat(json.path("totalRequests").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(json.path("answers").path("S SUCCESS").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(simulator.stats().requestsFor(payment.getPaymentRequestId())).isEqualTo(2);
  }

  @Test
  void shouldApplyFixedLatencyBeforeAnswering() throws Exception {
    // given
    simulator.faults(
        SimulatorFaults.builder().latency(Latency.fixed(Duration.ofMillis(150))).build());
    final long start = System.nanoTime();
    // when
    final HttpResponse<String> response = post(validBody());
    // then
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(150));
    assertThat(ackOf(response).status()).isEqualTo("S");
  }

  @Test
  void shouldCloseTheConnectionWithoutAnAnswerWhenDropping() {
    // given
    simulator.faults(SimulatorFaults.builder().dropRate(1.0).build());
    // when / then
    assertThatThrownBy(() -> post(validBody()))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(HttpTimeoutException.class);
    assertThat(simulator.stats().answered("DROPPED")).isPositive();
  }

  @Test
  void shouldHoldAnUnansweredRequestThenCloseItsConnection() {
    // given
    final Duration hold = Duration.ofMillis(700);
    simulator.faults(SimulatorFaults.builder().noAnswerRate(1.0).noAnswerHold(hold).build());
    final long start = System.nanoTime();
    // when / then: no answer, then the connection closes, before the client's 5 s timeout
    assertThatThrownBy(() -> post(validBody()))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(HttpTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(hold);
  }

  @Test
  void shouldAnswerWhateverHostTheClientNames() throws Exception {
    // given: docker-compose clients call it by its service name
    try (Socket socket = new Socket(simulator.baseUrl().getHost(), simulator.port())) {
      socket
          .getOutputStream()
          .write(
              "GET /health HTTP/1.1\r\nHost: simulator:8090\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      // when
      final String response =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      // then
      assertThat(response).startsWith("HTTP/1.1 200").endsWith("{\"status\":\"UP\"}");
    }
  }

  private static void assertParamIllegal(final String body, final String message) throws Exception {
    // when
    final HttpResponse<String> response = post(body);
    // then
    assertThat(ackOf(response)).isEqualTo(new AckResult("F", "PARAM_ILLEGAL", message));
  }
}
