package io.paymentnotifier.dlq;

import io.paymentnotifier.avro.SpecificAvroSerde;
import io.paymentnotifier.events.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a dead-letter topic from its start to its end as of now, without joining a consumer group
 * (nothing is committed, so reading never disturbs anyone). A value that cannot be read is kept as
 * an unreadable record, never skipped.
 */
public final class DlqReader {

  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration DEADLINE = Duration.ofMinutes(5);

  private final Map<String, Object> clientProperties;
  private final Deserializer<DeadLetter> deserializer;

  public DlqReader(
      final Map<String, Object> clientProperties, final Map<String, ?> registryConfig) {
    this.clientProperties = clientProperties;
    this.deserializer =
        SpecificAvroSerde.forValues(DeadLetter.class, registryConfig).deserializer();
  }

  /** Every record of the topic that the filter keeps, in partition then offset order. */
  public List<DlqRecord> read(final String topic, final Predicate<DlqRecord> filter) {
    final List<DlqRecord> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      final List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      if (partitions.isEmpty()) {
        throw new IllegalArgumentException("topic " + topic + " does not exist");
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      final Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      final long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (!reached(consumer, end) && System.nanoTime() < deadline) {
        for (final ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
          final DlqRecord record = toRecord(r);
          if (filter.test(record)) {
            records.add(record);
          }
        }
      }
    }
    records.sort(
        java.util.Comparator.comparingInt(DlqRecord::partition)
            .thenComparingLong(DlqRecord::offset));
    return records;
  }

  private DlqRecord toRecord(final ConsumerRecord<byte[], byte[]> r) {
    final String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
    final Instant timestamp = Instant.ofEpochMilli(r.timestamp());
    try {
      final DeadLetter letter = deserializer.deserialize(r.topic(), r.headers(), r.value());
      if (letter == null) {
        return unreadable(r, key, timestamp, "empty value (tombstone)");
      }
      return new DlqRecord(r.topic(), r.partition(), r.offset(), key, timestamp, letter, null);
    } catch (RuntimeException e) {
      return unreadable(r, key, timestamp, e.getMessage());
    }
  }

  private static DlqRecord unreadable(
      final ConsumerRecord<byte[], byte[]> r,
      final String key,
      final Instant timestamp,
      final String why) {
    return new DlqRecord(r.topic(), r.partition(), r.offset(), key, timestamp, null, why);
  }

  private static boolean reached(
      final KafkaConsumer<byte[], byte[]> consumer, final Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    final Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // Reading must never create the topic it looks for.
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "dlq-tool-" + UUID.randomUUID());
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
