package io.paymentnotifier.notify;

import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.simulator.AlipaySimulator;
import io.paymentnotifier.simulator.Latency;
import io.paymentnotifier.simulator.Outage;
import io.paymentnotifier.simulator.SimulatorFaults;
import io.paymentnotifier.testing.Payments;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real client against the real simulator over loopback HTTP: one test per outcome and fault.
 */
class HttpNotifyClientIT {

  private static AlipaySimulator simulator;
  private static HttpNotifyClient client;

  @BeforeAll
  static void startSimulatorAndClient() {
    simulator =
        new AlipaySimulator(TestKeys.alipayPrivate(), TestKeys.mppPublic(), SimulatorFaults.none())
            .start();
    client = new HttpNotifyClient(settings().withCallTimeout(Duration.ofSeconds(8)));
  }

  @AfterAll
  static void stop() {
    client.close();
    simulator.close();
  }

  @AfterEach
  void healSimulator() {
    simulator.faults(SimulatorFaults.none());
  }

  static AlipaySettings settings() {
    return AlipaySettings.of(
        simulator.baseUrl(), "TEST_CLIENT", TestKeys.mppPrivate(), TestKeys.alipayPublic());
  }

  private static NotifyOutcome call(final HttpNotifyClient using, final PaymentFinalized payment)
      throws Exception {
    return using.notify(payment).get(10, TimeUnit.SECONDS);
  }

  private static void inject(final SimulatorFaults.Builder faults) {
    simulator.faults(faults.build());
  }

  @Test
  void shouldAcknowledgeWhenAlipayAnswersSuccess() throws Exception {
    // given
    final PaymentFinalized payment = aPayment().build();
    // when
    final NotifyOutcome outcome = call(client, payment);
    // then
    assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.ACKNOWLEDGED);
    assertThat(outcome.call().httpStatus()).isEqualTo(200);
    assertThat(outcome.call().resultCode()).isEqualTo("SUCCESS");
    assertThat(outcome.call().error()).isNull();
    assertThat(simulator.stats().requestsFor(payment.getPaymentRequestId())).isEqualTo(1);
  }

  @Test
  void shouldAcknowledgeFailedPaymentWhenAlipayAnswersSuccess() throws Exception {
    // given
    final PaymentFinalized payment = aPayment().build();
    payment.getPaymentResult().setResultStatus("F");
    payment.getPaymentResult().setResultCode("USER_BALANCE_NOT_ENOUGH");
    // when
    final NotifyOutcome outcome = call(client, payment);
    // then
    assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.ACKNOWLEDGED);
  }

  @Test
  void shouldRejectWhenAlipayAnswersProcessFail() throws Exception {
    // given
    inject(SimulatorFaults.builder().failCode("PROCESS_FAIL", 1.0));
    // when
    final NotifyOutcome outcome = call(client, aPayment().build());
    // then
    assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.REJECTED);
    assertThat(((Rejected) outcome).reason()).startsWith("F PROCESS_FAIL");
    assertThat(outcome.call().resultStatus()).isEqualTo("F");
  }

  @Test
  void shouldRetryLaterWhenAlipayAnswersUnknown() throws Exception {
    // given
    inject(SimulatorFaults.builder().unknownRate(1.0));
    // when
    final NotifyOutcome outcome = call(client, aPayment().build());
    // then
    assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.RETRY_LATER);
    assertThat(outcome.call().resultStatus()).isEqualTo("U");
    assertThat(outcome.call().resultCode()).isEqualTo("UNKNOWN_EXCEPTION");
  }

  @Test
  void shouldRetryLaterWhenAlipayAnswersTrafficLimitAsF() throws Exception {
    // given
    inject(SimulatorFaults.builder().failCode("REQUEST_TRAFFIC_EXCEED_LIMIT", 1.0));
    // when
    final NotifyOutcome outcome = call(client, aPayment().build());
    // then
    assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.RETRY_LATER);
    assertThat(outcome.call().resultCode()).isEqualTo("REQUEST_TRAFFIC_EXCEED_LIMIT");
  }

  @Test
  void shouldRetryLaterWhenAlipayAnswersHttp500() throws Exception {
    assertRetryOnHttp(SimulatorFaults.builder().http500Rate(1.0), 500);
  }

  @Test
  void shouldRetryLaterWhenAlipayAnswersHttp503() throws Exception {
    assertRetryOnHttp(SimulatorFaults.builder().http503Rate(1.0), 503);
  }

  @Test
  void shouldRetryLaterWhenAlipayAnswersHttp429() throws Exception {
    assertRetryOnHttp(SimulatorFaults.builder().http429Rate(1.0), 429);
  }

  @Test
  void shouldRetryLaterDuringOutageAndAcknowledgeAfterIt() throws Exception {
    // given
    inject(SimulatorFaults.builder().outage(Outage.startingNow(Duration.ofMillis(300))));
    final PaymentFinalized payment = aPayment().build();
    // when
    final NotifyOutcome during = call(client, payment);
    Thread.sleep(400);
    final NotifyOutcome after = call(client, payment);
    // then
    assertThat(during.kind()).isEqualTo(NotifyOutcome.Kind.RETRY_LATER);
    assertThat(during.call().httpStatus()).isEqualTo(503);
    assertThat(after.kind()).isEqualTo(NotifyOutcome.Kind.ACKNOWLEDGED);
  }

  @Test
  void shouldRetryLaterWhenConnectionIsDropped() throws Exception {
    // given
    inject(SimulatorFaults.builder().dropRate(1.0));
    // when
    final NotifyOutcome outcome = call(client, aPayment().build());
    // then
    assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.RETRY_LATER);
    assertThat(outcome.call().httpStatus()).isNull();
    assertThat(outcome.call().error()).isNotBlank();
  }

  @Test
  void shouldRetryLaterWhenNoAnswerArrivesWithinCallTimeout() throws Exception {
    // given
    inject(SimulatorFaults.builder().noAnswerRate(1.0));
    try (HttpNotifyClient impatient =
        new HttpNotifyClient(settings().withCallTimeout(Duration.ofMillis(300)))) {
      // when
      final NotifyOutcome outcome = call(impatient, aPayment().build());
      // then
      assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.RETRY_LATER);
      assertThat(outcome.call().httpStatus()).isNull();
      assertThat(outcome.call().error()).contains("call timeout");
    }
  }

  @Test
  void shouldRetryLaterWhenSlowerThanCallTimeout() throws Exception {
    // given
    inject(SimulatorFaults.builder().latency(Latency.fixed(Duration.ofSeconds(1))));
    try (HttpNotifyClient impatient =
        new HttpNotifyClient(settings().withCallTimeout(Duration.ofMillis(200)))) {
      // when
      final NotifyOutcome outcome = call(impatient, aPayment().build());
      // then
      assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.RETRY_LATER);
      assertThat(outcome.call().latency()).isEqualTo(Duration.ofMillis(200));
    }
  }

  @Test
  void shouldAcknowledgeWhenAnswerIsSlowButWithinTimeout() throws Exception {
    // given
    inject(
        SimulatorFaults.builder()
            .latency(Latency.uniform(Duration.ofMillis(50), Duration.ofMillis(100))));
    // when
    final NotifyOutcome outcome = call(client, aPayment().build());
    // then
    assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.ACKNOWLEDGED);
    assertThat(outcome.call().latency()).isGreaterThanOrEqualTo(Duration.ofMillis(50));
  }

  @Test
  void shouldRetryLaterWhenAnswerIsUnsigned() throws Exception {
    // given
    inject(SimulatorFaults.builder().unsignedRate(1.0));
    // when
    final NotifyOutcome outcome = call(client, aPayment().build());
    // then
    assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.RETRY_LATER);
    assertThat(outcome.call().error()).isEqualTo("response signature missing");
  }

  @Test
  void shouldAcknowledgeUnsignedAnswerWhenConfiguredToAcceptIt() throws Exception {
    // given
    inject(SimulatorFaults.builder().unsignedRate(1.0));
    try (HttpNotifyClient lenient =
        new HttpNotifyClient(settings().withAcceptUnsignedResponses(true))) {
      // when
      final NotifyOutcome outcome = call(lenient, aPayment().build());
      // then
      assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.ACKNOWLEDGED);
    }
  }

  @Test
  void shouldRetryLaterWhenAnswerSignatureIsWrong() throws Exception {
    // given
    inject(SimulatorFaults.builder().badSignatureRate(1.0));
    // when
    final NotifyOutcome outcome = call(client, aPayment().build());
    // then
    assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.RETRY_LATER);
    assertThat(outcome.call().error()).isEqualTo("response signature invalid");
  }

  @Test
  void shouldRetryLaterWhenAnswerIsSignedEvenWhenUnsignedAreAcceptedButSignatureIsWrong()
      throws Exception {
    // given
    inject(SimulatorFaults.builder().badSignatureRate(1.0));
    try (HttpNotifyClient lenient =
        new HttpNotifyClient(settings().withAcceptUnsignedResponses(true))) {
      // when
      final NotifyOutcome outcome = call(lenient, aPayment().build());
      // then
      assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.RETRY_LATER);
    }
  }

  @Test
  void shouldRejectWhenRequestIsSignedWithAnotherKey() throws Exception {
    // given
    final AlipaySettings wrongKey =
        AlipaySettings.of(
            simulator.baseUrl(),
            "TEST_CLIENT",
            (java.security.interfaces.RSAPrivateKey) TestKeys.stranger().getPrivate(),
            TestKeys.alipayPublic());
    try (HttpNotifyClient impostor = new HttpNotifyClient(wrongKey)) {
      // when
      final NotifyOutcome outcome = call(impostor, aPayment().build());
      // then
      assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.REJECTED);
      assertThat(outcome.call().resultCode()).isEqualTo("INVALID_SIGNATURE");
    }
  }

  @Test
  void shouldRejectWhenRepeatDiffersFromFirstRequest() throws Exception {
    // given
    final PaymentFinalized first = aPayment().build();
    assertThat(call(client, first).kind()).isEqualTo(NotifyOutcome.Kind.ACKNOWLEDGED);
    final PaymentFinalized changed = PaymentFinalized.newBuilder(first).build();
    changed.setPaymentAmount(Payments.amount("999", "JPY"));
    // when
    final NotifyOutcome outcome = call(client, changed);
    // then
    assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.REJECTED);
    assertThat(outcome.call().resultCode()).isEqualTo("REPEAT_REQ_INCONSISTENT");
  }

  @Test
  void shouldSendByteIdenticalBodyOnEveryAttempt() throws Exception {
    // given: Alipay+ answers U twice, then recovers
    final PaymentFinalized payment = aPayment().build();
    final long inconsistentBefore = simulator.stats().answered("F REPEAT_REQ_INCONSISTENT");
    inject(SimulatorFaults.builder().unknownRate(1.0));
    final NotifyOutcome first = call(client, payment);
    final NotifyOutcome second = call(client, payment);
    simulator.faults(SimulatorFaults.none());
    // when
    final NotifyOutcome third = call(client, payment);
    final NotifyOutcome repeat = call(client, payment);
    // then: the simulator compares every repeat with the first body byte for byte
    assertThat(first.kind()).isEqualTo(NotifyOutcome.Kind.RETRY_LATER);
    assertThat(second.kind()).isEqualTo(NotifyOutcome.Kind.RETRY_LATER);
    assertThat(third.kind()).isEqualTo(NotifyOutcome.Kind.ACKNOWLEDGED);
    assertThat(repeat.kind()).isEqualTo(NotifyOutcome.Kind.ACKNOWLEDGED);
    assertThat(simulator.stats().requestsFor(payment.getPaymentRequestId())).isEqualTo(4);
    assertThat(simulator.stats().answered("F REPEAT_REQ_INCONSISTENT"))
        .isEqualTo(inconsistentBefore);
  }

  @Test
  void shouldRetryLaterAndNeverRejectWhenAnEventSkippedValidation() throws Exception {
    // given: the topology dead-letters such an event before any call; here it is a bug
    final PaymentFinalized payment = aPayment().setNotifyUrl("ftp://127.0.0.1/x").build();
    // when
    final NotifyOutcome outcome = call(client, payment);
    // then
    assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.RETRY_LATER);
    assertThat(outcome.call().error()).contains("notifyUrl passed validation but is not usable");
  }

  @Test
  void shouldPostToEventNotifyUrlWhenPresent() throws Exception {
    // given: the configured host is unreachable, the event's own URL is the simulator
    final AlipaySettings nowhere =
        AlipaySettings.of(
            java.net.URI.create("http://127.0.0.1:1"),
            "TEST_CLIENT",
            TestKeys.mppPrivate(),
            TestKeys.alipayPublic());
    final PaymentFinalized payment =
        aPayment().setNotifyUrl(simulator.notifyUrl().toString()).build();
    try (HttpNotifyClient viaEventUrl = new HttpNotifyClient(nowhere)) {
      // when
      final NotifyOutcome outcome = call(viaEventUrl, payment);
      // then
      assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.ACKNOWLEDGED);
    }
  }

  @Test
  void shouldRetryLaterWhenConnectionIsRefused() throws Exception {
    // given
    final AlipaySettings nowhere =
        AlipaySettings.of(
            java.net.URI.create("http://127.0.0.1:1"),
            "TEST_CLIENT",
            TestKeys.mppPrivate(),
            TestKeys.alipayPublic());
    try (HttpNotifyClient refused = new HttpNotifyClient(nowhere)) {
      // when
      final NotifyOutcome outcome = call(refused, aPayment().build());
      // then
      assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.RETRY_LATER);
      assertThat(outcome.call().error()).isNotBlank();
    }
  }

  @Test
  void shouldReturnToCallerBeforeTheCallCompletes() throws Exception {
    // given
    inject(SimulatorFaults.builder().latency(Latency.fixed(Duration.ofMillis(300))));
    // when
    final CompletableFuture<NotifyOutcome> pending = client.notify(aPayment().build());
    // then
    assertThat(pending).isNotDone();
    assertThat(pending.get(5, TimeUnit.SECONDS).kind()).isEqualTo(NotifyOutcome.Kind.ACKNOWLEDGED);
  }

  @Test
  void shouldKeepManyCallsInFlightWithoutAThreadEach() throws Exception {
    // given: every answer takes 500 ms
    inject(SimulatorFaults.builder().latency(Latency.fixed(Duration.ofMillis(500))));
    try (HttpNotifyClient patient =
        new HttpNotifyClient(settings().withCallTimeout(Duration.ofSeconds(20)))) {
      final int threadsBefore = Thread.activeCount();
      // when
      final List<CompletableFuture<NotifyOutcome>> calls =
          IntStream.range(0, 200).mapToObj(i -> patient.notify(aPayment().build())).toList();
      Thread.sleep(300);
      final int threadsWhileWaiting = Thread.activeCount();
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      // then
      assertThat(calls)
          .allSatisfy(
              call -> assertThat(call.join().kind()).isEqualTo(NotifyOutcome.Kind.ACKNOWLEDGED));
      assertThat(threadsWhileWaiting - threadsBefore).isLessThan(50);
    }
  }

  @Test
  void shouldAnswerRetryLaterOnceClosed() throws Exception {
    // given
    final HttpNotifyClient closed = new HttpNotifyClient(settings());
    closed.close();
    // when
    final NotifyOutcome outcome = call(closed, aPayment().build());
    // then
    assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.RETRY_LATER);
    assertThat(outcome.call().error()).isEqualTo("notify client is closed");
  }

  private static void assertRetryOnHttp(final SimulatorFaults.Builder faults, final int status)
      throws Exception {
    // given
    inject(faults);
    // when
    final NotifyOutcome outcome = call(client, aPayment().build());
    // then
    assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.RETRY_LATER);
    assertThat(outcome.call().httpStatus()).isEqualTo(status);
    assertThat(((RetryLater) outcome).reason()).isEqualTo("HTTP " + status);
  }
}
