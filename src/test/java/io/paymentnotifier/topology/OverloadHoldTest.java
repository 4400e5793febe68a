package io.paymentnotifier.topology;

import static io.paymentnotifier.notify.NotifyOutcome.Kind.ACKNOWLEDGED;
import static io.paymentnotifier.notify.NotifyOutcome.Kind.RETRY_LATER;
import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.events.NotificationDone;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.notify.OverloadControl;
import io.paymentnotifier.notify.OverloadSettings;
import io.paymentnotifier.retry.RetryPolicy;
import io.paymentnotifier.retry.WaitingRetries;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class OverloadHoldTest {

  private static final RetryPolicy TEN_SECONDS =
      new RetryPolicy(List.of(Duration.ofSeconds(10)), 0.0, Duration.ofHours(1), 0, () -> 0.5);

  private final FakeGate gate = new FakeGate();
  private final Held held = new Held();

  @Test
  void shouldHoldNewCallsBackWithoutAnAttemptWhileTheGateRefusesThem() {
    try (TopologyHarness harness = harness(256)) {
      // given
      gate.open(false);

      // when
      publish(harness, "p-1", "p-2", "p-3");
      harness.settle();

      // then: nothing sent, nothing routed, all recorded
      assertThat(harness.client.calls()).isEmpty();
      assertThat(harness.retry.isEmpty()).isTrue();
      assertThat(harness.done.isEmpty()).isTrue();
      assertThat(harness.dlq.isEmpty()).isTrue();
      assertThat(harness.calls.held()).isEqualTo(3);
      assertThat(held.now.get()).isEqualTo(3);
      assertThat(held.total.get()).isEqualTo(3);
      assertThat(harness.calls.unsettled()).isZero();
    }
  }

  @Test
  void shouldSendHeldCallsOldestFirstAsOneAttemptOnceTheGateAdmitsThem() {
    try (TopologyHarness harness = harness(256)) {
      // given
      gate.open(false);
      publish(harness, "p-1", "p-2", "p-3");
      harness.settle();

      // when
      gate.open(true);
      harness.settle();
      harness.settle();

      // then
      assertThat(harness.client.calls())
          .extracting(PaymentFinalized::getPaymentRequestId)
          .containsExactly("p-1", "p-2", "p-3");
      final Map<String, NotificationDone> done = harness.done.readKeyValuesToMap();
      assertThat(done).hasSize(3);
      assertThat(done.values()).allSatisfy(d -> assertThat(d.getAttempts()).isEqualTo(1));
      assertThat(harness.calls.held()).isZero();
      assertThat(held.now.get()).isZero();
      assertThat(gate.outcomes()).hasSize(3);
    }
  }

  @Test
  void shouldLeaveDueRetriesWaitingWhileTheGateRefusesThem() {
    try (TopologyHarness harness = harness(256)) {
      // given: a first attempt failed; its retry is due in 10 s
      harness.client.answer(RETRY_LATER, ACKNOWLEDGED);
      publish(harness, "p-1");
      harness.settle();
      gate.open(false);

      // when
      harness.advance(Duration.ofSeconds(12));
      harness.settle();

      // then: not called, not held, still counted as waiting
      assertThat(harness.client.callsFor("p-1")).isEqualTo(1);
      assertThat(harness.calls.held()).isZero();
      harness.advance(Duration.ofSeconds(1));
      assertThat(held.waiting.values()).containsExactly(1L);

      // and when the gate admits calls again
      gate.open(true);
      harness.advance(Duration.ofSeconds(1));
      harness.settle();
      final NotificationDone done = harness.done.readValue();
      assertThat(done.getAttempts()).isEqualTo(2);
      assertThat(harness.client.callsFor("p-1")).isEqualTo(2);
    }
  }

  @Test
  void shouldNeverSendTheHeldCallsOfATaskThatClosed() {
    final TopologyHarness harness = harness(256);
    // given
    gate.open(false);
    publish(harness, "p-1", "p-2");

    // when
    harness.close();
    gate.open(true);

    // then
    assertThat(harness.calls.held()).isZero();
    assertThat(held.now.get()).isZero();
    assertThat(harness.client.calls()).isEmpty();
  }

  @Test
  @Timeout(30)
  void shouldHoldCallsBeyondTheLimitRatherThanWaitPastTheAllowance() {
    // given: one place, and answers that come only when the test says so
    final List<Runnable> answers = new CopyOnWriteArrayList<>();
    try (TopologyHarness harness = harness(1)) {
      harness.client.answerOn(answers::add);

      // when: a stream thread would otherwise wait for the first answer forever
      publish(harness, "p-1", "p-2", "p-3", "p-4", "p-5", "p-6");

      // then
      assertThat(harness.calls.running()).isEqualTo(1);
      assertThat(harness.calls.held()).isEqualTo(5);

      // and when the running call is answered, its place goes to the oldest held call
      answers.remove(0).run();
      harness.settle();
      assertThat(harness.calls.running()).isEqualTo(1);
      assertThat(harness.calls.held()).isEqualTo(4);
      assertThat(harness.client.calls())
          .extracting(PaymentFinalized::getPaymentRequestId)
          .containsExactly("p-1", "p-2");
    }
  }

  @Test
  void shouldProbeWithHeldNotificationsAndFinishEveryPaymentWhenTheHostAnswersAgain() {
    final OverloadSettings settings =
        new OverloadSettings(true, 0, 50, 4, 2, Duration.ofSeconds(1), Duration.ofSeconds(5), 1.0);
    try (TopologyHarness harness =
        new TopologyHarness(
            TEN_SECONDS,
            256,
            held,
            clock -> new OverloadControl(settings, URI.create("http://127.0.0.1:8443"), clock))) {
      // given: the host fails the first two calls, so the next ones are held back
      harness.client.answer(RETRY_LATER, RETRY_LATER, ACKNOWLEDGED);
      publish(harness, "p-0", "p-1", "p-2", "p-3", "p-4", "p-5");
      assertThat(harness.client.calls()).hasSize(2);
      assertThat(harness.calls.held()).isEqualTo(4);

      // when: the probe interval passes and the host answers
      for (int i = 0; i < 200; i++) {
        harness.settle();
      }
      harness.advance(Duration.ofSeconds(10));
      for (int i = 0; i < 100; i++) {
        harness.settle();
      }

      // then: two probes, then the rest; held calls made one attempt each
      final Map<String, NotificationDone> done = harness.done.readKeyValuesToMap();
      assertThat(done).hasSize(6);
      assertThat(done.get("p-0").getAttempts()).isEqualTo(2);
      assertThat(done.get("p-5").getAttempts()).isEqualTo(1);
      assertThat(harness.client.calls()).hasSize(8);
      assertThat(harness.dlq.isEmpty()).isTrue();
      assertThat(harness.calls.held()).isZero();
    }
  }

  private TopologyHarness harness(final int maxInFlight) {
    return new TopologyHarness(TEN_SECONDS, maxInFlight, held, clock -> gate);
  }

  private static void publish(final TopologyHarness harness, final String... ids) {
    final List<String> all = new ArrayList<>(List.of(ids));
    all.forEach(id -> harness.publish(aPayment(id).build()));
  }

  /** Counts what the topology reports of held calls and waiting retries. */
  private static final class Held implements NotificationObserver {
    final AtomicInteger now = new AtomicInteger();
    final AtomicInteger total = new AtomicInteger();
    final Map<String, Long> waiting = new ConcurrentHashMap<>();

    @Override
    public void callHeld(final String host) {
      now.incrementAndGet();
      total.incrementAndGet();
    }

    @Override
    public void heldCallReleased(final String host) {
      now.decrementAndGet();
    }

    @Override
    public void retriesWaiting(final String taskId, final WaitingRetries waiting) {
      this.waiting.put(
          taskId, waiting.byAttempt().values().stream().mapToLong(Long::longValue).sum());
    }
  }
}
