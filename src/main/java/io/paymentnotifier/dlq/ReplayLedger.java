package io.paymentnotifier.dlq;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The compacted topic that remembers which DLQ records were replayed (key: the DLQ record's
 * coordinates, value: when), written in the same transaction as the replayed event. It is what
 * keeps a second replay of the same DLQ record from notifying Alipay+ again.
 */
final class ReplayLedger {

  private static final Duration DEADLINE = Duration.ofMinutes(2);

  private final Map<String, Object> clientProperties;
  private final String topic;

  ReplayLedger(final Map<String, Object> clientProperties, final String topic) {
    this.clientProperties = clientProperties;
    this.topic = topic;
  }

  /** The ledger topic of a DLQ topic. */
  static String topicFor(final String dlqTopic) {
    return dlqTopic + "-replays";
  }

  String topic() {
    return topic;
  }

  /** Creates the compacted one-partition ledger topic unless it exists. */
  void ensureExists() {
    try (Admin admin = Admin.create(clientProperties)) {
      final NewTopic ledger =
          new NewTopic(topic, Optional.of(1), Optional.empty())
              .configs(Map.of("cleanup.policy", "compact"));
      admin.createTopics(List.of(ledger)).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create the replay ledger " + topic, e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted creating " + topic, e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("timed out creating the replay ledger " + topic, e);
    }
  }

  /** Coordinates of every DLQ record replayed (committed transactions only), with when. */
  Map<String, String> replayed() {
    final Map<String, String> replayed = new HashMap<>();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      final TopicPartition partition = new TopicPartition(topic, 0);
      if (consumer.partitionsFor(topic, Duration.ofSeconds(30)).isEmpty()) {
        return replayed;
      }
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      final long end = consumer.endOffsets(List.of(partition)).get(partition);
      final long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (consumer.position(partition) < end && System.nanoTime() < deadline) {
        for (final ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          replayed.put(r.key(), r.value());
        }
      }
    }
    return replayed;
  }

  private KafkaConsumer<String, String> consumer() {
    final Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "dlq-ledger-" + UUID.randomUUID());
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
  }
}
