package io.paymentnotifier.publish;

import io.paymentnotifier.avro.SpecificAvroSerde;
import io.paymentnotifier.events.PaymentFinalized;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes {@code PaymentFinalized} events keyed by paymentRequestId, Avro values in the Confluent
 * wire format, as an upstream service would (acks=all, idempotent). Keys are plain UTF-8 unless a
 * key serializer says otherwise (e.g. {@code AvroStringSerializer}, as a producer using Confluent's
 * Avro serializer for its keys writes them).
 */
public final class EventPublisher implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;
  private final Serializer<PaymentFinalized> serializer;
  private final String topic;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<Exception> firstError = new AtomicReference<>();

  /**
   * @param clientProperties Kafka client settings, bootstrap.servers at least
   * @param registryConfig Schema Registry settings of the value serde
   * @param topic the input topic
   */
  public EventPublisher(
      final Map<String, Object> clientProperties,
      final Map<String, ?> registryConfig,
      final String topic) {
    this(clientProperties, registryConfig, topic, new StringSerializer());
  }

  /**
   * The same, keys written by {@code keys} (configured here as a key serializer on the registry).
   */
  public EventPublisher(
      final Map<String, Object> clientProperties,
      final Map<String, ?> registryConfig,
      final String topic,
      final Serializer<String> keys) {
    keys.configure(registryConfig, true);
    final Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    this.producer = new KafkaProducer<>(props, keys, new ByteArraySerializer());
    this.serializer =
        SpecificAvroSerde.forValues(PaymentFinalized.class, registryConfig).serializer();
    this.topic = topic;
  }

  /** Sends one event without waiting; failures are counted and the first one kept. */
  public void send(final PaymentFinalized event) {
    sendRaw(event.getPaymentRequestId(), serializer.serialize(topic, event));
  }

  /** Sends bytes as they are, e.g. a value no Avro reader can read, to show dead-lettering. */
  public void sendRaw(final String key, final byte[] value) {
    producer.send(
        new ProducerRecord<>(topic, key, value),
        (metadata, error) -> {
          if (error == null) {
            acknowledged.incrementAndGet();
          } else {
            failed.incrementAndGet();
            firstError.compareAndSet(null, error);
          }
        });
  }

  /** Waits until every event sent so far is acknowledged or failed. */
  public void flush() {
    producer.flush();
  }

  /** Events the cluster acknowledged. */
  public long acknowledged() {
    return acknowledged.get();
  }

  /** Events that could not be published. */
  public long failed() {
    return failed.get();
  }

  /** The first publishing failure, or null. */
  public Exception firstError() {
    return firstError.get();
  }

  @Override
  public void close() {
    producer.close();
  }
}
