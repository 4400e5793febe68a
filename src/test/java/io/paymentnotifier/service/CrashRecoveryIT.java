package io.paymentnotifier.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentnotifier.config.Topics;
import io.paymentnotifier.devstack.bench.ChildNotifier;
import io.paymentnotifier.devstack.registry.SchemaRegistryServer;
import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.NotificationDone;
import io.paymentnotifier.notify.Keys;
import io.paymentnotifier.publish.EventPublisher;
import io.paymentnotifier.publish.PaymentSamples;
import io.paymentnotifier.simulator.AlipaySimulator;
import io.paymentnotifier.simulator.Latency;
import io.paymentnotifier.simulator.SimulatorFaults;
import io.paymentnotifier.simulator.SimulatorStats;
import io.paymentnotifier.testing.OutputTopics;
import io.paymentnotifier.testing.TestKafka;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real {@code run} in its own JVM, SIGKILLed while calls are in flight and started again at
 * once on its state directory: nothing lost, nothing doubled, and only the tail of the history
 * restored (transactional stores; memtables bounded so that the history is flushed). Then stopped
 * gracefully and started again, as in a rolling update: nothing restored at all.
 */
class CrashRecoveryIT {

  private static final Logger LOG = LoggerFactory.getLogger(CrashRecoveryIT.class);
  private static final int HISTORY = 3_000;
  private static final int IN_FLIGHT = 300;
  private static final Duration LATENCY = Duration.ofMillis(300);

  @TempDir Path dir;

  private final String scope = TestKafka.uniqueName("crash-it");
  private final Topics topics = Topics.defaults().withPrefix(scope + "-");
  private final KeyPair mpp = Keys.generateRsaPair();
  private final KeyPair alipay = Keys.generateRsaPair();

  @Test
  void shouldNotifyEveryEventExactlyOnceAndRestoreOnlyTheTailAfterASigkill() throws Exception {
    try (SchemaRegistryServer registry = new SchemaRegistryServer(0).start();
        AlipaySimulator simulator =
            new AlipaySimulator(
                    alipay.getPrivate(),
                    mpp.getPublic(),
                    SimulatorFaults.builder().latency(Latency.fixed(LATENCY)).build())
                .start();
        ChildNotifier child =
            new ChildNotifier(dir, settings(registry, simulator), List.of("-Xmx512m"));
        EventPublisher publisher =
            new EventPublisher(
                Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
                Map.of("schema.registry.url", registry.url()),
                topics.input());
        OutputTopics outputs =
            new OutputTopics(topics, Map.of("schema.registry.url", registry.url()))) {
      // given: a history, notified
      child.start();
      child.awaitReady(Duration.ofMinutes(2));
      final List<String> ids = new ArrayList<>(publish(publisher, "history", HISTORY));
      assertThat(outputs.readUntil(() -> outputs.terminal() >= HISTORY, Duration.ofMinutes(4)))
          .as("history notified; log:%n%s", child.logs())
          .isTrue();

      // when: SIGKILL while calls wait on the simulator, and a restart at once
      final List<String> inFlight = publish(publisher, "in-flight", IN_FLIGHT);
      ids.addAll(inFlight);
      await().atMost(Duration.ofMinutes(1)).until(() -> requested(simulator, inFlight) >= 50);
      child.kill();
      child.start();
      child.awaitReady(Duration.ofMinutes(2));

      // then
      assertThat(outputs.readUntil(() -> outputs.terminal() >= ids.size(), Duration.ofMinutes(4)))
          .as("every event ends; log:%n%s", child.logs())
          .isTrue();
      outputs.drain(Duration.ofSeconds(3));
      assertThat(terminalCounts(outputs))
          .containsOnlyKeys(ids)
          .allSatisfy((id, n) -> assertThat(n).as(id).isOne());
      assertThat(outputs.done.stream().map(NotificationDone::getPaymentRequestId))
          .doesNotHaveDuplicates();
      final double restored = child.metric("notifier_restore_records_total");
      LOG.info(
          "Restored {} records after the kill; the history was {} payments", restored, HISTORY);
      assertThat(restored)
          .as("records restored after the kill")
          .isPositive()
          .isLessThan(HISTORY / 2.0);
      assertThat(child.logs().lines().filter(ChildNotifier::tellsOfAWipe)).isEmpty();

      // and: a graceful stop (a rolling update) flushes everything, so the next start restores
      // nothing
      assertThat(child.stop(Duration.ofSeconds(30))).isTrue();
      child.start();
      child.awaitReady(Duration.ofMinutes(2));
      assertThat(child.metric("notifier_restore_records_total")).isZero();
      assertThat(child.stop(Duration.ofSeconds(30))).isTrue();
    }
  }

  private Map<String, String> settings(
      final SchemaRegistryServer registry, final AlipaySimulator simulator) {
    final Map<String, String> settings =
        ChildRunSettings.of(dir, scope, topics, registry, simulator, mpp, alipay);
    // The smallest memtable budget: a short history is flushed several times before the kill.
    settings.put("state.rocksdb.memory.max.bytes", String.valueOf(4 << 20));
    settings.put("state.rocksdb.memtable.max.bytes", String.valueOf(256 << 10));
    settings.put("retry.backoff", "500ms");
    return settings;
  }

  private List<String> publish(final EventPublisher publisher, final String name, final int count) {
    final PaymentSamples samples = new PaymentSamples(PaymentSamples.runPrefix(name), 0.2, 11);
    final List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      final var event = samples.next(i);
      publisher.send(event);
      ids.add(event.getPaymentRequestId());
    }
    publisher.flush();
    return ids;
  }

  /** How many of the ids the simulator has been called for. */
  private static long requested(final AlipaySimulator simulator, final List<String> ids) {
    final SimulatorStats.Snapshot stats = simulator.stats();
    return ids.stream().filter(id -> stats.requestsFor(id) > 0).count();
  }

  private static Map<String, Long> terminalCounts(final OutputTopics outputs) {
    return Stream.concat(
            outputs.done.stream().map(NotificationDone::getPaymentRequestId),
            outputs.deadLetters.stream().map(DeadLetter::getPaymentRequestId))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }
}
