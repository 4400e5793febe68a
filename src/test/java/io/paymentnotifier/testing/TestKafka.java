package io.paymentnotifier.testing;

import io.paymentnotifier.devstack.stack.EmbeddedKafka;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real Kafka broker per test JVM, shared by every integration test.
 *
 * <p>In order: the broker named by {@code KAFKA_BOOTSTRAP_SERVERS}; a Testcontainers broker when a
 * Docker engine answers; otherwise the dev stack's KRaft broker inside this JVM (Kafka's production
 * classes, as demo and bench run them). Tests keep apart by unique topic names and application ids
 * ({@link #uniqueName}).
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
    final EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafka.Settings.ephemeral());
    Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "kafka-in-jvm-stop"));
    LOG.info(
        "No Docker engine answered: started an in-JVM KRaft Kafka broker (the dev stack's"
            + " EmbeddedKafka) at {} in {} ms",
        kafka.bootstrapServers(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    return kafka.bootstrapServers();
  }
}
