package io.paymentnotifier.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

  @Test
  void shouldServeARoundTripAndLeaveNoDirectoryBehindWhenClosed() throws Exception {
    // given
    final Path directory;
    final List<String> values;
    try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafka.Settings.ephemeral())) {
      directory = kafka.directory();
      // when
      produce(kafka.bootstrapServers(), "round-trip", 5);
      values = consume(kafka.bootstrapServers(), "round-trip", 5);
      // then
      assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
      assertThat(directory).isDirectory();
    }
    assertThat(values).containsExactly("v0", "v1", "v2", "v3", "v4");
    assertThat(Files.exists(directory)).isFalse();
  }

  @Test
  void shouldKeepRecordsAcrossARestartWhenAskedToKeepData(@TempDir final Path root)
      throws Exception {
    // given
    final Path directory = root.resolve("kafka");
    final EmbeddedKafka.Settings kept = new EmbeddedKafka.Settings(0, 0, directory, true);
    final String firstAddress;
    try (EmbeddedKafka kafka = EmbeddedKafka.start(kept)) {
      firstAddress = kafka.bootstrapServers();
      produce(firstAddress, "kept", 3);
    }
    // when
    try (EmbeddedKafka again = EmbeddedKafka.start(kept)) {
      // then
      assertThat(again.bootstrapServers()).isEqualTo(firstAddress);
      assertThat(consume(again.bootstrapServers(), "kept", 3)).containsExactly("v0", "v1", "v2");
    }
    assertThat(directory).isDirectory();
  }

  private static void produce(final String bootstrap, final String topic, final int count)
      throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap, "acks", "all"),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = 0; i < count; i++) {
        producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get();
      }
    }
  }

  private static List<String> consume(final String bootstrap, final String topic, final int count) {
    final List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                bootstrap,
                "group.id",
                "embedded-kafka-it-" + System.nanoTime(),
                "auto.offset.reset",
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      final long deadline = System.currentTimeMillis() + 30_000;
      while (values.size() < count && System.currentTimeMillis() < deadline) {
        for (final ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          values.add(r.value());
        }
      }
    }
    return values;
  }
}
