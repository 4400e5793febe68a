package io.paymentnotifier.deploy;

import static io.paymentnotifier.cli.KeygenCommand.ALIPAY_PRIVATE;
import static io.paymentnotifier.cli.KeygenCommand.MPP_PUBLIC;
import static io.paymentnotifier.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.paymentnotifier.cli.App;
import io.paymentnotifier.cli.KeygenCommand;
import io.paymentnotifier.config.ConfigLoader;
import io.paymentnotifier.config.NotifierConfig;
import io.paymentnotifier.devstack.registry.SchemaRegistryServer;
import io.paymentnotifier.notify.AlipaySettings;
import io.paymentnotifier.notify.HttpNotifyClient;
import io.paymentnotifier.notify.Keys;
import io.paymentnotifier.ops.Operations;
import io.paymentnotifier.ops.OpsServer;
import io.paymentnotifier.service.NotifierService;
import io.paymentnotifier.simulator.AlipaySimulator;
import io.paymentnotifier.simulator.SimulatorFaults;
import io.paymentnotifier.testing.TestKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What `docker compose up` then `docker compose run --rm publish` does, without a Docker engine:
 * the payment-notifier service's environment from docker-compose.yml, with the stack's host names
 * pointed at the real test broker, an HTTP Schema Registry and the real Alipay+ simulator over
 * loopback; the publish service's command line then yields done records.
 */
class ComposeStackIT {

  private static final int EVENTS = 20;
  private static final String KEYS_DIR = "/etc/payment-notifier/keys";

  @TempDir Path keys;
  @TempDir Path state;

  private final String prefix = TestKafka.uniqueName("compose") + "-";
  private final SchemaRegistryServer registry = new SchemaRegistryServer(0).start();
  private AlipaySimulator simulator;
  private Operations ops;
  private NotifierService service;

  private final ListAppender<ILoggingEvent> log = captureLogs();

  @AfterEach
  void stop() {
    rootLogger().detachAppender(log);
    if (service != null) {
      service.close(Duration.ofSeconds(10));
    }
    if (ops != null) {
      ops.close();
    }
    if (simulator != null) {
      simulator.close();
    }
    registry.close();
  }

  @Test
  void shouldTurnPublishedPaymentsIntoDoneRecordsWithTheComposeConfiguration() throws Exception {
    // given: the keygen and topics services' work, then the simulator and the notifier
    runKeygen();
    simulator =
        new AlipaySimulator(
                Keys.privateKey(ALIPAY_PRIVATE, pem(ALIPAY_PRIVATE)),
                Keys.publicKey(MPP_PUBLIC, pem(MPP_PUBLIC)),
                SimulatorFaults.none())
            .start();
    final NotifierConfig config = composeConfig();
    TestKafka.createTopics(3, config.topics().input(), config.topics().retry());
    TestKafka.createTopics(1, config.topics().done(), config.topics().dlq());
    ops = Operations.create(config);
    service =
        new NotifierService(
            config, new HttpNotifyClient(AlipaySettings.from(config)), ops.observer());
    ops.overloadControl(service.overloadControl());
    ops.attach(service.kafkaStreams());
    service.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> status(OpsServer.READY_PATH) == 200);

    // when: the publish service's command line, pointed at the same stack
    final int exit =
        App.commandLine()
            .execute(
                "publish",
                "--count",
                String.valueOf(EVENTS),
                "--id-prefix",
                prefix,
                "--topic",
                config.topics().input(),
                "-b",
                TestKafka.bootstrapServers(),
                "-r",
                registry.url());

    // then
    assertThat(exit).isZero();
    assertThat(doneKeys(config.topics().done()))
        .hasSize(EVENTS)
        .allMatch(k -> k.startsWith(prefix));
    assertThat(outcomeLines())
        .hasSize(EVENTS)
        .allMatch(line -> line.startsWith("Notification done"));
    assertThat(log.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(message -> message.contains("PRIVATE KEY"))
        .noneMatch(message -> message.contains(privateKeyBody()));
    assertThat(body(OpsServer.METRICS_PATH))
        .contains(
            "notifier_notifications_total{outcome=\"done\",result_code=\"SUCCESS\"} "
                + EVENTS
                + ".0");
  }

  /** The INFO lines the outcome logger wrote, with their key-value pairs. */
  private List<String> outcomeLines() {
    return log.list.stream()
        .filter(e -> e.getLoggerName().equals("io.paymentnotifier.outcome"))
        .filter(e -> e.getLevel() == Level.INFO)
        .map(e -> e.getFormattedMessage() + " " + e.getKeyValuePairs())
        .toList();
  }

  /** A line of the MPP private key's Base64 body: it must never reach a log. */
  private String privateKeyBody() {
    try {
      return pem(KeygenCommand.MPP_PRIVATE).lines().skip(1).findFirst().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ListAppender<ILoggingEvent> captureLogs() {
    final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.setContext(rootLogger().getLoggerContext());
    appender.start();
    rootLogger().addAppender(appender);
    return appender;
  }

  private static Logger rootLogger() {
    return (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  }

  /** The payment-notifier service's environment, as ConfigLoader reads it, with local hosts. */
  private NotifierConfig composeConfig() throws IOException {
    final Map<String, Object> services =
        map(DeployFiles.yaml(DeployFiles.file("docker-compose.yml")).get("services"));
    final Map<String, String> env = new TreeMap<>();
    map(map(services.get("payment-notifier")).get("environment"))
        .forEach((name, value) -> env.put(name, local(String.valueOf(value))));
    final Map<String, String> settings = new TreeMap<>(ConfigLoader.fromEnvironment(env));
    settings.put("ops.port", "0");
    settings.put("kafka.application.id", prefix + "app");
    settings.put("topic.input", prefix + "payment-finalized");
    settings.put("topic.done", prefix + "payment-notify-done");
    settings.put("topic.retry", prefix + "payment-notify-retry");
    settings.put("topic.dlq", prefix + "payment-notify-dlq");
    final Path file = state.resolve("compose.properties");
    final Properties props = new Properties();
    props.putAll(settings);
    try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      props.store(out, "docker-compose.yml payment-notifier environment, local hosts");
    }
    return ConfigLoader.loadConfig(file, Map.of());
  }

  private String local(final String value) {
    return value
        .replace("kafka:19092", TestKafka.bootstrapServers())
        .replace("http://schema-registry:8081", registry.url())
        .replace("http://simulator:8090", simulator.baseUrl().toString())
        .replace(KEYS_DIR, keys.toString())
        .replace("/var/lib/payment-notifier/state", state.toString());
  }

  /** The keygen service's command line, with its folder pointed at a temporary one. */
  private void runKeygen() {
    final Map<String, Object> keygen =
        map(
            map(DeployFiles.yaml(DeployFiles.file("docker-compose.yml")).get("services"))
                .get("keygen"));
    final String[] args =
        DeployFiles.list(keygen.get("command")).stream()
            .map(arg -> String.valueOf(arg).replace(KEYS_DIR, keys.toString()))
            .toArray(String[]::new);
    assertThat(App.commandLine().execute(args)).isZero();
  }

  private String pem(final String name) throws IOException {
    return Files.readString(keys.resolve(name), StandardCharsets.US_ASCII);
  }

  private Set<String> doneKeys(final String topic) {
    final Set<String> keysSeen = new HashSet<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                TestKafka.bootstrapServers(),
                "group.id",
                prefix + "reader",
                "auto.offset.reset",
                "earliest",
                "isolation.level",
                "read_committed"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(Set.of(topic));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                for (final ConsumerRecord<String, byte[]> r :
                    consumer.poll(Duration.ofMillis(200))) {
                  keysSeen.add(r.key());
                }
                return keysSeen.size() >= EVENTS;
              });
    }
    return keysSeen;
  }

  private int status(final String path) throws Exception {
    return send(path).statusCode();
  }

  private String body(final String path) throws Exception {
    return send(path).body();
  }

  private HttpResponse<String> send(final String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
