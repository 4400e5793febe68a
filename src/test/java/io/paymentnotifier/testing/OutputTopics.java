package io.paymentnotifier.testing;

import io.paymentnotifier.avro.SpecificAvroSerde;
import io.paymentnotifier.config.Topics;
import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.NotificationDone;
import io.paymentnotifier.events.NotificationRetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The tests' one reader of committed records (read_committed, as a downstream consumer reads): the
 * done, retry and DLQ topics decoded as they arrive, or every record of one topic at once.
 */
public final class OutputTopics implements AutoCloseable {

  private final Topics topics;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Deserializer<NotificationDone> doneReader;
  private final Deserializer<NotificationRetry> retryReader;
  private final Deserializer<DeadLetter> dlqReader;
  public final List<NotificationDone> done = new ArrayList<>();
  public final List<NotificationRetry> retries = new ArrayList<>();
  public final List<DeadLetter> deadLetters = new ArrayList<>();

  public OutputTopics(final Topics topics, final Map<String, ?> registry) {
    this.topics = topics;
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                TestKafka.uniqueName("it-reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    consumer.subscribe(List.of(topics.done(), topics.retry(), topics.dlq()));
    doneReader = SpecificAvroSerde.forValues(NotificationDone.class, registry).deserializer();
    retryReader = SpecificAvroSerde.forValues(NotificationRetry.class, registry).deserializer();
    dlqReader = SpecificAvroSerde.forValues(DeadLetter.class, registry).deserializer();
  }

  /** Terminal records so far: done plus dead letters. */
  public int terminal() {
    return done.size() + deadLetters.size();
  }

  /** How many done records each paymentRequestId has so far. */
  public Map<String, Long> donePerId() {
    return done.stream()
        .collect(
            Collectors.groupingBy(NotificationDone::getPaymentRequestId, Collectors.counting()));
  }

  /** Reads until the condition holds or the timeout passes; true when it held. */
  public boolean readUntil(final BooleanSupplier condition, final Duration timeout) {
    final long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      for (final ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
        take(r);
      }
    }
    return condition.getAsBoolean();
  }

  /** Reads whatever else arrives within the quiet period (to catch duplicates). */
  public void drain(final Duration quiet) {
    final long deadline = System.nanoTime() + quiet.toNanos();
    while (System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(200)).forEach(this::take);
    }
  }

  private void take(final ConsumerRecord<byte[], byte[]> r) {
    if (r.topic().equals(topics.done())) {
      done.add(doneReader.deserialize(r.topic(), r.headers(), r.value()));
    } else if (r.topic().equals(topics.retry())) {
      retries.add(retryReader.deserialize(r.topic(), r.headers(), r.value()));
    } else {
      deadLetters.add(dlqReader.deserialize(r.topic(), r.headers(), r.value()));
    }
  }

  @Override
  public void close() {
    consumer.close();
  }

  /** All records from the start to the current end of every partition (read_committed). */
  public static List<ConsumerRecord<byte[], byte[]>> readAll(
      final String bootstrap, final String topic) {
    final Map<String, Object> props = new HashMap<>();
    props.put("bootstrap.servers", bootstrap);
    props.put("isolation.level", "read_committed");
    props.put("allow.auto.create.topics", false);
    final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      final List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      final Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      final long deadline = System.currentTimeMillis() + 30_000;
      while (System.currentTimeMillis() < deadline
          && end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
