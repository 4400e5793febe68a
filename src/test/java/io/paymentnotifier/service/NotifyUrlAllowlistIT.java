package io.paymentnotifier.service;

import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.DeadLetterReason;
import io.paymentnotifier.events.NotificationDone;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.notify.NotifyPaymentApi;
import io.paymentnotifier.simulator.AlipaySimulator;
import io.paymentnotifier.simulator.SimulatorFaults;
import io.paymentnotifier.testing.OutputTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An event's notifyUrl on the real broker against real simulators: the notifier's Alipay+ is
 * http://127.0.0.1:port; a second simulator listens on 127.0.0.2, and {@code localhost} names the
 * first one by another name. Only listed hosts are ever called.
 */
class NotifyUrlAllowlistIT {

  private static final Logger LOG = LoggerFactory.getLogger(NotifyUrlAllowlistIT.class);
  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final int EACH = 40;

  private static String notifyUrl(final String host, final int port) {
    return "http://" + host + ":" + port + NotifyPaymentApi.PATH;
  }

  private static List<PaymentFinalized> events(final String prefix, final String notifyUrl) {
    return IntStream.range(0, EACH)
        .mapToObj(i -> aPayment(prefix + "-" + i).setNotifyUrl(notifyUrl).build())
        .toList();
  }

  @Test
  void shouldCallOnlyTheBaseUrlHostByDefaultAndDeadLetterTheOthersNamingTheirHost() {
    try (NotifierStack stack = new NotifierStack(SimulatorFaults.none());
        AlipaySimulator other = stack.simulatorAt("127.0.0.2");
        NotifierService service = stack.newService();
        OutputTopics outputs = stack.outputs()) {
      // given
      final int port = stack.simulator.port();
      final List<PaymentFinalized> events = new ArrayList<>();
      events.addAll(events("own", notifyUrl("127.0.0.1", port)));
      events.addAll(events("other", notifyUrl("127.0.0.2", other.port())));
      events.addAll(events("alias", notifyUrl("localhost", port)));
      events.addAll(events("default", null));
      service.start();
      // when
      stack.publish(events);
      // then
      assertThat(outputs.readUntil(() -> outputs.terminal() >= 4 * EACH, PATIENCE)).isTrue();
      outputs.drain(Duration.ofSeconds(1));
      assertThat(outputs.done)
          .extracting(NotificationDone::getPaymentRequestId)
          .hasSize(2 * EACH)
          .allMatch(id -> id.startsWith("own-") || id.startsWith("default-"));
      final Map<String, List<DeadLetter>> byPrefix = deadLettersByPrefix(outputs);
      assertThat(byPrefix.get("other"))
          .hasSize(EACH)
          .allSatisfy(
              d ->
                  assertThat(d.getDetail())
                      .isEqualTo(
                          "notifyUrl: host 127.0.0.2 is not allowed"
                              + " (alipay.notify.url.allowed.hosts: 127.0.0.1)"));
      assertThat(byPrefix.get("alias"))
          .hasSize(EACH)
          .allSatisfy(d -> assertThat(d.getDetail()).contains("host localhost is not allowed"));
      assertThat(outputs.deadLetters)
          .allSatisfy(d -> assertThat(d.getReason()).isEqualTo(DeadLetterReason.INVALID_EVENT))
          .allSatisfy(d -> assertThat(d.getHistory()).isEmpty());
      // no call to a host off the list, under either name
      assertThat(other.stats().totalRequests()).isZero();
      assertThat(stack.simulator.stats().totalRequests()).isEqualTo(2L * EACH);
      report("default allowlist", outputs, stack.simulator, other);
    }
  }

  @Test
  void shouldCallEveryListedHostAndStillRefuseTheOthers() {
    try (NotifierStack stack =
            new NotifierStack(SimulatorFaults.none())
                .with("alipay.notify.url.allowed.hosts", "127.0.0.1, 127.0.0.2");
        AlipaySimulator other = stack.simulatorAt("127.0.0.2");
        NotifierService service = stack.newService();
        OutputTopics outputs = stack.outputs()) {
      // given
      final int port = stack.simulator.port();
      final List<PaymentFinalized> events = new ArrayList<>();
      events.addAll(events("own", notifyUrl("127.0.0.1", port)));
      events.addAll(events("other", notifyUrl("127.0.0.2", other.port())));
      events.addAll(events("alias", notifyUrl("localhost", port)));
      service.start();
      // when
      stack.publish(events);
      // then
      assertThat(outputs.readUntil(() -> outputs.terminal() >= 3 * EACH, PATIENCE)).isTrue();
      outputs.drain(Duration.ofSeconds(1));
      assertThat(outputs.done).hasSize(2 * EACH);
      assertThat(deadLettersByPrefix(outputs).keySet()).containsExactly("alias");
      assertThat(other.stats().totalRequests()).isEqualTo(EACH);
      assertThat(stack.simulator.stats().totalRequests()).isEqualTo(EACH);
      report("127.0.0.1,127.0.0.2 listed", outputs, stack.simulator, other);
    }
  }

  @Test
  void shouldDeadLetterWaitingRetriesWhoseHostANewAllowlistNoLongerNamesWithoutCallingIt() {
    try (NotifierStack stack =
            new NotifierStack(SimulatorFaults.none())
                .with("alipay.notify.url.allowed.hosts", "127.0.0.1, 127.0.0.2")
                .with("retry.backoff", "3s");
        AlipaySimulator other =
            stack.simulatorAt("127.0.0.2", SimulatorFaults.builder().unknownRate(1.0).build());
        OutputTopics outputs = stack.outputs()) {
      // given: the first instance allows 127.0.0.2, whose U answers leave retries waiting
      final List<PaymentFinalized> events = new ArrayList<>();
      events.addAll(events("own", notifyUrl("127.0.0.1", stack.simulator.port())));
      events.addAll(events("other", notifyUrl("127.0.0.2", other.port())));
      try (NotifierService first = stack.newService()) {
        first.start();
        stack.publish(events);
        assertThat(
                outputs.readUntil(
                    () -> outputs.done.size() >= EACH && outputs.retries.size() >= EACH, PATIENCE))
            .isTrue();
      }
      final long calledBefore = other.stats().totalRequests();
      // when: the next instance's allowlist names 127.0.0.1 only
      stack.with("alipay.notify.url.allowed.hosts", "127.0.0.1");
      try (NotifierService next = stack.newService()) {
        next.start();
        // then: every waiting retry of 127.0.0.2 is dead-lettered when due, and not called
        assertThat(outputs.readUntil(() -> outputs.deadLetters.size() >= EACH, PATIENCE)).isTrue();
        outputs.drain(Duration.ofSeconds(1));
      }
      assertThat(other.stats().totalRequests()).isEqualTo(calledBefore);
      assertThat(outputs.done)
          .extracting(NotificationDone::getPaymentRequestId)
          .doesNotHaveDuplicates()
          .hasSize(EACH)
          .allMatch(id -> id.startsWith("own-"));
      assertThat(outputs.deadLetters)
          .extracting(DeadLetter::getPaymentRequestId)
          .doesNotHaveDuplicates()
          .allMatch(id -> id.startsWith("other-"));
      assertThat(outputs.deadLetters)
          .hasSize(EACH)
          .allSatisfy(
              d -> {
                assertThat(d.getReason()).isEqualTo(DeadLetterReason.INVALID_EVENT);
                assertThat(d.getDetail())
                    .startsWith(
                        "notifyUrl: host 127.0.0.2 is not allowed"
                            + " (alipay.notify.url.allowed.hosts: 127.0.0.1); attempt ")
                    .endsWith(" was not made");
                assertThat(d.getHistory()).isNotEmpty();
              });
      report("allowlist narrowed between instances", outputs, stack.simulator, other);
    }
  }

  private static Map<String, List<DeadLetter>> deadLettersByPrefix(final OutputTopics outputs) {
    return outputs.deadLetters.stream()
        .collect(
            Collectors.groupingBy(
                d -> d.getPaymentRequestId().substring(0, d.getPaymentRequestId().indexOf('-'))));
  }

  private static void report(
      final String name,
      final OutputTopics outputs,
      final AlipaySimulator own,
      final AlipaySimulator other) {
    LOG.info(
        "IT allowlist ({}): done={} dlq={} requests to 127.0.0.1={} requests to 127.0.0.2={}",
        name,
        outputs.done.size(),
        outputs.deadLetters.size(),
        own.stats().totalRequests(),
        other.stats().totalRequests());
  }
}
