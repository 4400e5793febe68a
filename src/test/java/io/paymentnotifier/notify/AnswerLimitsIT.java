package io.paymentnotifier.notify;

import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.config.AlipayConfigDef;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.simulator.AlipaySimulator;
import io.paymentnotifier.simulator.SimulatorFaults;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the real client reads of an answer and where it goes, against the real simulator: an answer
 * body over http.max.answer.bytes is cut off, with or without a Content-Length, and its connection
 * dropped; a redirect is never followed, not even to another loopback host.
 */
class AnswerLimitsIT {

  private static final int LIMIT = 64 * 1024;

  private static AlipaySimulator simulator;
  private static AlipaySimulator elsewhere;
  private HttpNotifyClient client;

  @BeforeAll
  static void start() {
    simulator =
        new AlipaySimulator(TestKeys.alipayPrivate(), TestKeys.mppPublic(), SimulatorFaults.none())
            .start();
    elsewhere =
        new AlipaySimulator(
                "127.0.0.2",
                0,
                TestKeys.alipayPrivate(),
                TestKeys.mppPublic(),
                SimulatorFaults.none())
            .start();
  }

  @AfterAll
  static void stop() {
    simulator.close();
    elsewhere.close();
  }

  /**
   * A client of its own per test, with one pooled connection: a call opens a new connection only
   * when the last one was closed.
   */
  @BeforeEach
  void newClient() {
    final AlipaySettings defaults =
        AlipaySettings.of(
            simulator.baseUrl(), "TEST_CLIENT", TestKeys.mppPrivate(), TestKeys.alipayPublic());
    client =
        new HttpNotifyClient(
            new AlipaySettings(
                defaults.baseUrl(),
                defaults.clientId(),
                defaults.keyVersion(),
                defaults.mppPrivateKey(),
                defaults.alipayPublicKey(),
                false,
                defaults.connectTimeout(),
                defaults.responseTimeout(),
                Duration.ofSeconds(8),
                1,
                1,
                1,
                null,
                defaults.signatures(),
                LIMIT,
                AlipayConfigDef.DEFAULT_IO_THREADS));
  }

  @AfterEach
  void closeClientAndHeal() {
    client.close();
    simulator.faults(SimulatorFaults.none());
  }

  private NotifyOutcome call(final PaymentFinalized payment) throws Exception {
    return client.notify(payment).get(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldRetryLaterAndDropTheConnectionWhenTheContentLengthIsOverTheLimit() throws Exception {
    // given: a signed S answer padded to 1 MiB, which a client reading it all would take as done
    call(aPayment().build());
    final long connectionsBefore = simulator.stats().connectionsOpened();
    final long cutOffBefore = simulator.stats().answered("S SUCCESS (oversize)");
    simulator.faults(SimulatorFaults.builder().oversizeRate(1.0).build());
    // when
    final NotifyOutcome first = call(aPayment().build());
    final NotifyOutcome second = call(aPayment().build());
    simulator.faults(SimulatorFaults.none());
    final NotifyOutcome healed = call(aPayment().build());
    // then
    assertThat(first.kind()).isEqualTo(NotifyOutcome.Kind.RETRY_LATER);
    assertThat(first.call().httpStatus()).isEqualTo(200);
    assertThat(first.call().error())
        .isEqualTo(
            "answer body of Content-Length 1048576 is over the limit of 65536 bytes"
                + " (http.max.answer.bytes); not read further");
    assertThat(second.kind()).isEqualTo(NotifyOutcome.Kind.RETRY_LATER);
    assertThat(healed.kind()).isEqualTo(NotifyOutcome.Kind.ACKNOWLEDGED);
    assertThat(simulator.stats().answered("S SUCCESS (oversize)") - cutOffBefore).isEqualTo(2);
    // each cut-off answer cost its connection: the next call needed a new one
    assertThat(simulator.stats().connectionsOpened() - connectionsBefore).isEqualTo(2);
  }

  @Test
  void shouldRetryLaterWhenAChunkedAnswerWithoutContentLengthGrowsOverTheLimit() throws Exception {
    // given
    call(aPayment().build());
    simulator.faults(SimulatorFaults.builder().oversizeChunkedRate(1.0).build());
    final long connectionsBefore = simulator.stats().connectionsOpened();
    final long cutOffBefore = simulator.stats().answered("S SUCCESS (oversize, chunked)");
    // when
    final NotifyOutcome first = call(aPayment().build());
    final NotifyOutcome second = call(aPayment().build());
    simulator.faults(SimulatorFaults.none());
    final NotifyOutcome healed = call(aPayment().build());
    // then
    assertThat(first.kind()).isEqualTo(NotifyOutcome.Kind.RETRY_LATER);
    assertThat(first.call().error())
        .isEqualTo(
            "answer body grew over the limit of 65536 bytes (http.max.answer.bytes); not read"
                + " further");
    assertThat(second.kind()).isEqualTo(NotifyOutcome.Kind.RETRY_LATER);
    assertThat(healed.kind()).isEqualTo(NotifyOutcome.Kind.ACKNOWLEDGED);
    assertThat(simulator.stats().answered("S SUCCESS (oversize, chunked)") - cutOffBefore)
        .isEqualTo(2);
    assertThat(simulator.stats().connectionsOpened() - connectionsBefore).isEqualTo(2);
  }

  @Test
  void shouldKeepTheConnectionOfAnAnswerWithinTheLimit() throws Exception {
    // given
    call(aPayment().build());
    final long connectionsBefore = simulator.stats().connectionsOpened();
    // when
    for (int i = 0; i < 3; i++) {
      assertThat(call(aPayment().build()).kind()).isEqualTo(NotifyOutcome.Kind.ACKNOWLEDGED);
    }
    // then
    assertThat(simulator.stats().connectionsOpened()).isEqualTo(connectionsBefore);
  }

  @Test
  void shouldReadAnAnswerJustUnderTheLimitWithAndWithoutContentLength() throws Exception {
    // given: padded answers that fit
    simulator.faults(
        SimulatorFaults.builder().oversizeRate(1.0).oversizeBytes(LIMIT - 100).build());
    // when
    final NotifyOutcome withLength = call(aPayment().build());
    simulator.faults(
        SimulatorFaults.builder().oversizeChunkedRate(1.0).oversizeBytes(LIMIT).build());
    final NotifyOutcome chunked = call(aPayment().build());
    // then
    assertThat(withLength.kind()).isEqualTo(NotifyOutcome.Kind.ACKNOWLEDGED);
    assertThat(chunked.kind()).isEqualTo(NotifyOutcome.Kind.ACKNOWLEDGED);
  }

  @Test
  void shouldNeverFollowARedirectToAnotherHost() throws Exception {
    // given: Alipay+ answers 307 pointing at another loopback host that would acknowledge
    final URI target = elsewhere.notifyUrl();
    simulator.faults(SimulatorFaults.builder().redirect(1.0, target).build());
    final PaymentFinalized payment = aPayment().build();
    // when
    final NotifyOutcome outcome = call(payment);
    // then
    assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.RETRY_LATER);
    assertThat(outcome.call().httpStatus()).isEqualTo(307);
    assertThat(simulator.stats().answered("HTTP 307")).isOne();
    assertThat(elsewhere.stats().totalRequests()).isZero();
  }
}
