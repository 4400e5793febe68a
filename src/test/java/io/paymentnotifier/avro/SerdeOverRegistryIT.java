package io.paymentnotifier.avro;

import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.devstack.registry.SchemaRegistryServer;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.testing.TestKafka;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PaymentFinalized through the real broker, with the serde's REST client talking over loopback HTTP
 * to the dev Schema Registry.
 */
class SerdeOverRegistryIT {

  private static final int EVENTS = 20;

  private final SchemaRegistryServer registry = new SchemaRegistryServer(0).start();

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  @Test
  void shouldStoreConfluentFramedBytesWithTheRegisteredIdAndReadThemBack() throws Exception {
    // given
    final String topic = TestKafka.uniqueName("payment-finalized");
    TestKafka.createTopics(1, topic);
    final Map<String, String> registryConfig = Map.of("schema.registry.url", registry.url());
    final List<PaymentFinalized> sent = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      sent.add(aPayment("p-" + i).build());
    }
    // when
    try (SpecificAvroSerde<PaymentFinalized> serde =
            SpecificAvroSerde.forValues(PaymentFinalized.class, registryConfig);
        KafkaProducer<String, PaymentFinalized> producer =
            new KafkaProducer<>(
                Map.of("bootstrap.servers", TestKafka.bootstrapServers(), "acks", "all"),
                new StringSerializer(),
                serde.serializer())) {
      for (final PaymentFinalized event : sent) {
        producer.send(new ProducerRecord<>(topic, event.getPaymentRequestId(), event)).get();
      }
    }
    // then
    final List<byte[]> stored = consume(topic, new ByteArrayDeserializer());
    final int registeredId = registry.registry().latest(topic + "-value").id();
    assertThat(stored)
        .hasSize(EVENTS)
        .allSatisfy(
            bytes -> {
              assertThat(bytes[0]).isZero();
              assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registeredId);
            });
    try (SpecificAvroSerde<PaymentFinalized> reader = new SpecificAvroSerde<>()) {
      reader.configure(registryConfig, false);
      assertThat(consume(topic, reader.deserializer())).containsExactlyElementsOf(sent);
    }
  }

  private static <V> List<V> consume(final String topic, final Deserializer<V> values) {
    final List<V> read = new ArrayList<>();
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers", TestKafka.bootstrapServers(),
                "group.id", TestKafka.uniqueName("serde-it"),
                "auto.offset.reset", "earliest"),
            new StringDeserializer(),
            values)) {
      consumer.subscribe(List.of(topic));
      final long deadline = System.currentTimeMillis() + 30_000;
      while (read.size() < EVENTS && System.currentTimeMillis() < deadline) {
        for (final ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
          read.add(record.value());
        }
      }
    }
    return read;
  }
}
