package io.paymentnotifier.service;

import io.paymentnotifier.avro.MockSchemaRegistry;
import io.paymentnotifier.avro.SpecificAvroSerde;
import io.paymentnotifier.config.NotifierConfig;
import io.paymentnotifier.config.Topics;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.notify.AlipaySettings;
import io.paymentnotifier.notify.HttpNotifyClient;
import io.paymentnotifier.notify.Keys;
import io.paymentnotifier.simulator.AlipaySimulator;
import io.paymentnotifier.simulator.SimulatorFaults;
import io.paymentnotifier.testing.OutputTopics;
import io.paymentnotifier.testing.TestKafka;
import io.paymentnotifier.topology.NotificationObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A notifier on the real broker against the real Alipay+ simulator over loopback HTTP, with real
 * RSA keys made for this test, its own topics, application id and registry scope.
 */
public final class NotifierStack implements AutoCloseable {

  static final Duration CALL_TIMEOUT = Duration.ofMillis(800);

  final String scope = TestKafka.uniqueName("notifier-it");
  final Topics topics = Topics.defaults().withPrefix(scope + "-");
  private Map<String, String> registry = Map.of("schema.registry.url", "mock://" + scope);
  private final KeyPair mppKeys = Keys.generateRsaPair();
  private final KeyPair alipayKeys = Keys.generateRsaPair();
  final AlipaySimulator simulator;
  private final Map<String, String> settings = new HashMap<>();

  public NotifierStack(final SimulatorFaults faults) {
    simulator = new AlipaySimulator(alipayKeys.getPrivate(), mppKeys.getPublic(), faults).start();
    settings.put("kafka.bootstrap.servers", TestKafka.bootstrapServers());
    settings.put("kafka.application.id", scope);
    settings.put("kafka.num.stream.threads", "2");
    settings.put("topic.input", topics.input());
    settings.put("topic.done", topics.done());
    settings.put("topic.retry", topics.retry());
    settings.put("topic.dlq", topics.dlq());
    settings.put("topic.partitions", "4");
    settings.put("schema.registry.url", registry.get("schema.registry.url"));
    settings.put("alipay.client.id", "TEST_CLIENT");
    settings.put("alipay.base.url", simulator.baseUrl().toString());
    settings.put("notify.max.in.flight", "64");
    settings.put("retry.backoff", "200ms,500ms");
    settings.put("retry.max.age", "2m");
  }

  /** Uses this Schema Registry URL instead of the stack's mock:// scope, everywhere. */
  NotifierStack withRegistry(final String url) {
    registry = Map.of("schema.registry.url", url);
    return with("schema.registry.url", url);
  }

  public NotifierStack with(final String key, final String value) {
    settings.put(key, value);
    return this;
  }

  /** A new, not yet started service instance on this stack's topics and application id. */
  NotifierService newService() {
    return newService(null);
  }

  /** The same, telling {@code observer} what it does (null: nobody). */
  public NotifierService newService(final NotificationObserver observer) {
    return newService(observer, instanceConfig(Map.of()));
  }

  /**
   * The configuration of a new instance: the stack's settings, its own state directory, then {@code
   * own} (e.g. its ops.port).
   */
  public NotifierConfig instanceConfig(final Map<String, String> own) {
    // Each instance has its own state directory, as separate machines would: a new instance
    // restores from the changelogs, and never waits for a stopping one's directory lock.
    final Map<String, String> instance = new HashMap<>(settings);
    instance.put("kafka.state.dir", stateDir());
    instance.putAll(own);
    return new NotifierConfig(instance);
  }

  /** A new, not yet started instance with this configuration, calling the stack's simulator. */
  public NotifierService newService(
      final NotificationObserver observer, final NotifierConfig config) {
    final HttpNotifyClient client =
        new HttpNotifyClient(
            AlipaySettings.of(
                    simulator.baseUrl(),
                    "TEST_CLIENT",
                    (RSAPrivateKey) mppKeys.getPrivate(),
                    (RSAPublicKey) alipayKeys.getPublic())
                .withCallTimeout(CALL_TIMEOUT));
    return new NotifierService(config, client, observer);
  }

  private static String stateDir() {
    try {
      return Files.createTempDirectory("notifier-state").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Publishes events keyed by paymentRequestId, in the Confluent wire format. */
  public void publish(final List<PaymentFinalized> events) {
    try (KafkaProducer<String, PaymentFinalized> producer =
        new KafkaProducer<>(
            producerProps(),
            new StringSerializer(),
            SpecificAvroSerde.forValues(PaymentFinalized.class, registry).serializer())) {
      events.forEach(
          e -> producer.send(new ProducerRecord<>(topics.input(), e.getPaymentRequestId(), e)));
    }
  }

  /**
   * Publishes events keyed by paymentRequestId written by {@code keys} (configured here as a key
   * serializer on the stack's registry), e.g. in the Confluent Avro wire format.
   */
  public void publish(final List<PaymentFinalized> events, final Serializer<String> keys) {
    keys.configure(registry, true);
    try (KafkaProducer<String, PaymentFinalized> producer =
        new KafkaProducer<>(
            producerProps(),
            keys,
            SpecificAvroSerde.forValues(PaymentFinalized.class, registry).serializer())) {
      events.forEach(
          e -> producer.send(new ProducerRecord<>(topics.input(), e.getPaymentRequestId(), e)));
    }
  }

  /** Publishes events under these raw key bytes, as a producer with another key format would. */
  public void publishKeyed(final Map<byte[], PaymentFinalized> events) {
    try (KafkaProducer<byte[], PaymentFinalized> producer =
        new KafkaProducer<>(
            producerProps(),
            new ByteArraySerializer(),
            SpecificAvroSerde.forValues(PaymentFinalized.class, registry).serializer())) {
      events.forEach((key, e) -> producer.send(new ProducerRecord<>(topics.input(), key, e)));
    }
  }

  /**
   * A second Alipay+ simulator with this stack's keys, bound to another loopback address: a host an
   * event's notifyUrl may or may not be allowed to name. The caller closes it.
   */
  public AlipaySimulator simulatorAt(final String loopbackHost) {
    return simulatorAt(loopbackHost, SimulatorFaults.none());
  }

  /** The same, answering with these faults. */
  public AlipaySimulator simulatorAt(final String loopbackHost, final SimulatorFaults faults) {
    return new AlipaySimulator(
            loopbackHost, 0, alipayKeys.getPrivate(), mppKeys.getPublic(), faults)
        .start();
  }

  /** The registry settings the stack's serdes use. */
  Map<String, String> registry() {
    return registry;
  }

  /** Publishes raw bytes to the input topic, as a broken producer would. */
  public void publishRaw(final String key, final byte[] value) {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            producerProps(), new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topics.input(), key.getBytes(), value));
    }
  }

  private Map<String, Object> producerProps() {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        TestKafka.bootstrapServers(),
        ProducerConfig.LINGER_MS_CONFIG,
        5);
  }

  /** Reads the done, retry and DLQ topics as committed so far. */
  OutputTopics outputs() {
    return new OutputTopics(topics, registry);
  }

  @Override
  public void close() {
    simulator.close();
    MockSchemaRegistry.dropScope(scope);
  }
}
