package io.paymentnotifier.devstack.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Watches one topic (committed records only, from now on) for the first record whose key starts
 * with a prefix, and notes when it was read.
 */
final class FirstArrival implements AutoCloseable {

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final String keyPrefix;
  private long arrivedNanos = -1;

  FirstArrival(final String bootstrapServers, final String topic, final String keyPrefix) {
    this.keyPrefix = keyPrefix;
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers", bootstrapServers,
                "isolation.level", "read_committed",
                "client.id", "first-arrival"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    final List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
  }

  /** Reads what arrived within {@code timeout}; true once a matching record has been read. */
  boolean poll(final Duration timeout) {
    if (arrivedNanos >= 0) {
      return true;
    }
    for (final ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
      if (r.key() != null
          && new String(r.key(), StandardCharsets.UTF_8).startsWith(keyPrefix)
          && arrivedNanos < 0) {
        arrivedNanos = System.nanoTime();
      }
    }
    return arrivedNanos >= 0;
  }

  /** {@link System#nanoTime()} when the first matching record was read, or -1. */
  long arrivedNanos() {
    return arrivedNanos;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
