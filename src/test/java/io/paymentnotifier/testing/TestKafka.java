package io.paymentnotifier.testing;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real Kafka broker per test JVM, shared by every integration test.
 *
 * <p>In order: the broker named by {@code KAFKA_BOOTSTRAP_SERVERS}; a Testcontainers broker when a
 * Docker engine answers; otherwise a KRaft broker inside this JVM from Kafka's own test kit. Tests
 * keep apart by unique topic names and application ids ({@link #uniqueName}).
 */
public final class TestKafka {

  private static final Logger LOG = LoggerFactory.getLogger(TestKafka.class);
  private static final String CONTAINER_IMAGE = "apache/kafka:4.1.0";
  private static String bootstrapServers;

  private TestKafka() {}

  /** The shared broker's bootstrap address, starting it on first use. */
  public static synchronized String bootstrapServers() {
    if (bootstrapServers == null) {
      bootstrapServers = start();
    }
    return bootstrapServers;
  }

  /** A name no other test of this JVM uses, for topics, application ids and group ids. */
  public static String uniqueName(final String base) {
    return base + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates topics with the given partitions and waits until they exist. */
  public static void createTopics(final int partitions, final String... names) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
      admin
          .createTopics(
              java.util.Arrays.stream(names)
                  .map(n -> new NewTopic(n, partitions, (short) 1))
                  .toList())
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not create topics " + String.join(",", names), e);
    }
  }

  private static String start() {
    final String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
    if (external != null && !external.isBlank()) {
      LOG.info("Using the external Kafka broker at {} (KAFKA_BOOTSTRAP_SERVERS)", external);
      return external;
    }
    if (DockerClientFactory.instance().isDockerAvailable()) {
      return startContainer();
    }
    return startInJvm();
  }

  private static String startContainer() {
    final long t0 = System.nanoTime();
    final KafkaContainer container = new KafkaContainer(CONTAINER_IMAGE);
    container.start();
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "kafka-container-stop"));
    LOG.info(
        "Started Testcontainers Kafka {} at {} in {} ms",
        CONTAINER_IMAGE,
        container.getBootstrapServers(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    return container.getBootstrapServers();
  }

  private static String startInJvm() {
    final long t0 = System.nanoTime();
    try {
      final KafkaClusterTestKit kit = inJvmCluster();
      kit.format();
      kit.startup();
      kit.waitForReadyBrokers();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> close(kit), "kafka-in-jvm-stop"));
      LOG.info(
          "No Docker engine answered: started an in-JVM KRaft Kafka broker (kafka-test-common-runtime)"
              + " at {} in {} ms",
          kit.bootstrapServers(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
      return kit.bootstrapServers();
    } catch (Exception e) {
      throw new IllegalStateException("the in-JVM Kafka broker failed to start", e);
    }
  }

  /** One combined broker+controller node with the settings a 1-node cluster needs. */
  private static KafkaClusterTestKit inJvmCluster() throws Exception {
    return new KafkaClusterTestKit.Builder(
            new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBootstrapMetadataVersion(MetadataVersion.LATEST_PRODUCTION)
                .build())
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("offsets.topic.num.partitions", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .setConfigProp("transaction.state.log.num.partitions", "1")
        .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
        .setConfigProp("share.coordinator.state.topic.min.isr", "1")
        // The default 3 s delay made every Streams test wait 3 s for its group (feasibility
        // §TL;DR).
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .build();
  }

  private static void close(final KafkaClusterTestKit kit) {
    try {
      kit.close();
    } catch (Exception e) {
      LOG.warn("closing the in-JVM Kafka broker failed", e);
    }
  }
}
