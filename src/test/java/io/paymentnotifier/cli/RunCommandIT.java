package io.paymentnotifier.cli;

import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.avro.SpecificAvroSerde;
import io.paymentnotifier.config.Topics;
import io.paymentnotifier.devstack.registry.SchemaRegistryServer;
import io.paymentnotifier.events.NotificationDone;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.notify.Keys;
import io.paymentnotifier.simulator.AlipaySimulator;
import io.paymentnotifier.simulator.SimulatorFaults;
import io.paymentnotifier.testing.OutputTopics;
import io.paymentnotifier.testing.TestKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code run} command as operators start it: its own JVM, a config file, env overrides. */
class RunCommandIT {

  @TempDir Path dir;

  @Test
  void shouldNotifyFromTheConfigFileWithEnvOverridesAndStopGracefullyOnSigterm() throws Exception {
    final KeyPair mpp = Keys.generateRsaPair();
    final KeyPair alipay = Keys.generateRsaPair();
    final String scope = TestKafka.uniqueName("run-it");
    final Topics topics = Topics.defaults().withPrefix(scope + "-");
    try (SchemaRegistryServer registry = new SchemaRegistryServer(0).start();
        AlipaySimulator simulator =
            new AlipaySimulator(alipay.getPrivate(), mpp.getPublic(), SimulatorFaults.none())
                .start()) {
      // given: the done topic in the file is wrong, the environment corrects it
      final Path config = writeConfig(scope, topics, registry.url(), simulator, mpp, alipay);
      final Path log = dir.resolve("run.log");
      final ProcessBuilder run =
          new ProcessBuilder(
                  javaBinary(),
                  // Streams' default state directory lives under the temp directory: keep it in
                  // target/.
                  "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                  "-cp",
                  System.getProperty("java.class.path"),
                  App.class.getName(),
                  "run",
                  "--config",
                  config.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      run.environment().put("NOTIFIER_TOPIC_DONE", topics.done());
      final Process process = run.start();
      try {
        awaitTopic(topics.input(), process, log);
        // when
        final List<String> ids = IntStream.range(0, 20).mapToObj(i -> scope + "-" + i).toList();
        publish(topics, registry.url(), ids);
        // then
        try (OutputTopics outputs =
            new OutputTopics(topics, Map.of("schema.registry.url", registry.url()))) {
          assertThat(outputs.readUntil(() -> outputs.done.size() >= 20, Duration.ofSeconds(60)))
              .as("done records; log:%n%s", Files.readString(log))
              .isTrue();
          assertThat(outputs.done)
              .extracting(NotificationDone::getPaymentRequestId)
              .containsExactlyInAnyOrderElementsOf(ids);
        }
        process.destroy(); // SIGTERM
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(log))
            .contains("Notifier stopped: calls settled=true")
            .contains(
                "RSA signatures by AmazonCorrettoCryptoProvider 2.5.0 (native):"
                    + " alipay.crypto.provider=auto");
      } finally {
        process.destroyForcibly();
        Files.copy(
            log, Path.of("target", "run-command-it.log"), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private Path writeConfig(
      final String scope,
      final Topics topics,
      final String registryUrl,
      final AlipaySimulator simulator,
      final KeyPair mpp,
      final KeyPair alipay)
      throws IOException {
    final Path privateKey =
        Files.writeString(dir.resolve("mpp-private.pem"), Keys.toPem(mpp.getPrivate()));
    final Path publicKey =
        Files.writeString(dir.resolve("alipay-public.pem"), Keys.toPem(alipay.getPublic()));
    final String text =
        String.join(
            "\n",
            "kafka.bootstrap.servers=" + TestKafka.bootstrapServers(),
            "kafka.application.id=" + scope,
            "topic.input=" + topics.input(),
            "topic.done=" + scope + "-not-this-one",
            "topic.retry=" + topics.retry(),
            "topic.dlq=" + topics.dlq(),
            "topic.partitions=2",
            "schema.registry.url=" + registryUrl,
            "alipay.client.id=TEST_CLIENT",
            "alipay.base.url=" + simulator.baseUrl(),
            "alipay.private.key.file=" + privateKey,
            "alipay.public.key.file=" + publicKey,
            "ops.port=0",
            "shutdown.timeout=10s",
            "");
    return Files.writeString(dir.resolve("notifier.properties"), text);
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Waits until the service has created its input topic (it does so at start). */
  private static void awaitTopic(final String topic, final Process process, final Path log)
      throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
      final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!admin.listTopics().names().get().contains(topic)) {
        assertThat(process.isAlive())
            .as("run exited early; log:%n%s", Files.readString(log))
            .isTrue();
        assertThat(System.nanoTime()).as("topic %s never created", topic).isLessThan(deadline);
        Thread.sleep(200);
      }
    }
  }

  private static void publish(
      final Topics topics, final String registryUrl, final List<String> ids) {
    try (KafkaProducer<String, PaymentFinalized> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
            new StringSerializer(),
            SpecificAvroSerde.forValues(
                    PaymentFinalized.class, Map.of("schema.registry.url", registryUrl))
                .serializer())) {
      ids.forEach(
          id -> producer.send(new ProducerRecord<>(topics.input(), id, aPayment(id).build())));
    }
  }
}
