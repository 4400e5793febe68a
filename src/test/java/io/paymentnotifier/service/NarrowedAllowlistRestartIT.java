package io.paymentnotifier.service;

import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentnotifier.config.Topics;
import io.paymentnotifier.devstack.bench.ChildNotifier;
import io.paymentnotifier.devstack.registry.SchemaRegistryServer;
import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.DeadLetterReason;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.notify.Keys;
import io.paymentnotifier.notify.NotifyPaymentApi;
import io.paymentnotifier.publish.EventPublisher;
import io.paymentnotifier.simulator.AlipaySimulator;
import io.paymentnotifier.simulator.Latency;
import io.paymentnotifier.simulator.SimulatorFaults;
import io.paymentnotifier.testing.OutputTopics;
import io.paymentnotifier.testing.TestKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real {@code run} in its own JVM, SIGKILLed while its calls to a second Alipay+ host
 * (127.0.0.2, allowed then) wait for their answers, and started again on its state directory with
 * an allowlist that no longer names that host: the calls the store says are running are not resumed
 * to it, but dead-lettered as INVALID_EVENT.
 */
class NarrowedAllowlistRestartIT {

  private static final Logger LOG = LoggerFactory.getLogger(NarrowedAllowlistRestartIT.class);
  private static final int CALLS = 40;
  private static final Duration PATIENCE = Duration.ofMinutes(2);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  private final String scope = TestKafka.uniqueName("allowlist-restart-it");
  private final Topics topics = Topics.defaults().withPrefix(scope + "-");
  private final KeyPair mpp = Keys.generateRsaPair();
  private final KeyPair alipay = Keys.generateRsaPair();

  @Test
  void shouldDeadLetterCallsResumedAfterARestartWhenTheNewAllowlistDropsTheirHost() {
    final SimulatorFaults slow =
        SimulatorFaults.builder().latency(Latency.fixed(Duration.ofSeconds(30))).build();
    try (SchemaRegistryServer registry = new SchemaRegistryServer(0).start();
        AlipaySimulator own =
            new AlipaySimulator(alipay.getPrivate(), mpp.getPublic(), SimulatorFaults.none())
                .start();
        AlipaySimulator other =
            new AlipaySimulator("127.0.0.2", 0, alipay.getPrivate(), mpp.getPublic(), slow)
                .start();
        EventPublisher publisher =
            new EventPublisher(
                Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
                Map.of("schema.registry.url", registry.url()),
                topics.input());
        OutputTopics outputs =
            new OutputTopics(topics, Map.of("schema.registry.url", registry.url()))) {
      final Map<String, String> settings = settings(registry, own);
      settings.put("alipay.notify.url.allowed.hosts", "127.0.0.1, 127.0.0.2");
      try (ChildNotifier first = new ChildNotifier(dir.resolve("first"), settings, List.of())) {
        // given: calls to 127.0.0.2 waiting for its answers, their state committed
        first.start();
        first.awaitReady(PATIENCE);
        events(other).forEach(publisher::send);
        publisher.flush();
        await().atMost(PATIENCE).until(() -> other.stats().totalRequests() >= CALLS);
        // The lookup reads committed state only: once it says in flight, a restart resumes it.
        await().atMost(PATIENCE).until(() -> allInFlight(settings.get("ops.port")));
        // when: killed, and started again with an allowlist of 127.0.0.1 only
        first.kill();
      }
      final long calledBefore = other.stats().totalRequests();
      settings.put("alipay.notify.url.allowed.hosts", "127.0.0.1");
      try (ChildNotifier next = new ChildNotifier(dir.resolve("next"), settings, List.of())) {
        next.start();
        next.awaitReady(PATIENCE);
        // then
        assertThat(outputs.readUntil(() -> outputs.deadLetters.size() >= CALLS, PATIENCE))
            .as("every call dead-lettered; log:%n%s", next.logs())
            .isTrue();
        outputs.drain(Duration.ofSeconds(2));
        assertThat(next.stop(Duration.ofSeconds(30))).isTrue();
      }
      assertThat(other.stats().totalRequests()).isEqualTo(calledBefore);
      assertThat(outputs.done).isEmpty();
      assertThat(outputs.deadLetters)
          .extracting(DeadLetter::getPaymentRequestId)
          .doesNotHaveDuplicates()
          .hasSize(CALLS);
      assertThat(outputs.deadLetters)
          .allSatisfy(
              d -> {
                assertThat(d.getReason()).isEqualTo(DeadLetterReason.INVALID_EVENT);
                assertThat(d.getDetail())
                    .isEqualTo(
                        "notifyUrl: host 127.0.0.2 is not allowed (alipay.notify.url.allowed.hosts:"
                            + " 127.0.0.1); attempt 1 was not resumed after a restart (the"
                            + " previous instance may have sent it)");
              });
      LOG.info(
          "IT allowlist restart: {} calls running at the kill, {} dead-lettered after the restart,"
              + " requests to 127.0.0.2 before {} after {}",
          CALLS,
          outputs.deadLetters.size(),
          calledBefore,
          other.stats().totalRequests());
    }
  }

  /** Every call's in-flight state is committed: the child's status lookup says so. */
  private static boolean allInFlight(final String opsPort) {
    return IntStream.range(0, CALLS)
        .allMatch(i -> lookup(opsPort, "resumed-" + i).contains("\"state\":\"IN_FLIGHT\""));
  }

  private static String lookup(final String opsPort, final String id) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort + "/payments/" + id))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static List<PaymentFinalized> events(final AlipaySimulator other) {
    final String url = "http://127.0.0.2:" + other.port() + NotifyPaymentApi.PATH;
    return IntStream.range(0, CALLS)
        .mapToObj(i -> aPayment("resumed-" + i).setNotifyUrl(url).build())
        .toList();
  }

  private Map<String, String> settings(
      final SchemaRegistryServer registry, final AlipaySimulator simulator) {
    final Map<String, String> settings =
        ChildRunSettings.of(dir, scope, topics, registry, simulator, mpp, alipay);
    // The calls must still wait for their 30 s answers when the child is killed.
    settings.put("http.call.timeout", "60s");
    settings.put("http.response.timeout", "60s");
    return settings;
  }
}
