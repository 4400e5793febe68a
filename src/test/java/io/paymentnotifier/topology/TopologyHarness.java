package io.paymentnotifier.topology;

import io.paymentnotifier.avro.MockSchemaRegistry;
import io.paymentnotifier.config.NotifyUrlAllowlist;
import io.paymentnotifier.config.Topics;
import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.NotificationDone;
import io.paymentnotifier.events.NotificationRetry;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.notify.CallGate;
import io.paymentnotifier.retry.RetryPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The real topology in a TopologyTestDriver, with a mock:// registry scope of its own, a fake
 * notify client, a mocked wall clock, and typed views of every topic.
 */
final class TopologyHarness implements AutoCloseable {

  static final Topics TOPICS = Topics.defaults();
  static final Duration DEDUP_WINDOW = Duration.ofDays(7);

  /** Alipay+ at https://127.0.0.1: an event's notifyUrl may name that host, over https. */
  static final NotifyUrlAllowlist NOTIFY_URLS =
      NotifyUrlAllowlist.of(URI.create("https://127.0.0.1"), List.of());

  private final String scope = "topology-" + UUID.randomUUID();
  private Instant now = Instant.parse("2026-03-01T10:00:00Z");
  final FakeNotifyClient client = new FakeNotifyClient(this::now);
  final InFlightCalls calls;
  final TopologySerdes serdes;
  private final org.apache.kafka.streams.Topology topology;
  final TopologyTestDriver driver;
  final TestInputTopic<String, PaymentFinalized> payments;
  final TestInputTopic<byte[], byte[]> rawPayments;
  final TestInputTopic<byte[], PaymentFinalized> keyedPayments;
  final TestInputTopic<String, NotificationRetry> retryInput;
  final TestOutputTopic<String, NotificationDone> done;
  final TestOutputTopic<String, NotificationRetry> retry;
  final TestOutputTopic<String, DeadLetter> dlq;

  TopologyHarness() {
    this(new RetryPolicy(List.of(Duration.ofSeconds(10)), 0.0, Duration.ofHours(1), 0, () -> 0.5));
  }

  TopologyHarness(final RetryPolicy policy) {
    this(policy, 256, null);
  }

  TopologyHarness(final RetryPolicy policy, final int maxInFlight, final TopologySerdes custom) {
    this(policy, maxInFlight, custom, NotificationObserver.NONE);
  }

  TopologyHarness(final RetryPolicy policy, final NotificationObserver observer) {
    this(policy, 256, null, observer);
  }

  private TopologyHarness(
      final RetryPolicy policy,
      final int maxInFlight,
      final TopologySerdes custom,
      final NotificationObserver observer) {
    this(policy, maxInFlight, custom, observer, clock -> CallGate.OPEN);
  }

  /** With the overload control's gate made for the harness's wall clock. */
  TopologyHarness(
      final RetryPolicy policy,
      final int maxInFlight,
      final NotificationObserver observer,
      final Function<Clock, CallGate> gate) {
    this(policy, maxInFlight, null, observer, gate);
  }

  private TopologyHarness(
      final RetryPolicy policy,
      final int maxInFlight,
      final TopologySerdes custom,
      final NotificationObserver observer,
      final Function<Clock, CallGate> gate) {
    calls = new InFlightCalls(maxInFlight);
    serdes =
        custom != null
            ? custom
            : TopologySerdes.fromRegistry(Map.of("schema.registry.url", "mock://" + scope));
    final TopologyDeps deps =
        new TopologyDeps(
            TOPICS,
            serdes,
            client,
            calls,
            policy,
            DEDUP_WINDOW,
            observer,
            NOTIFY_URLS,
            gate.apply(clock()));
    topology = NotificationTopology.build(deps);
    driver = new TopologyTestDriver(topology, props(), now);
    final StringSerializer keys = new StringSerializer();
    payments = driver.createInputTopic(TOPICS.input(), keys, serdes.payment().serializer());
    rawPayments =
        driver.createInputTopic(
            TOPICS.input(), new ByteArraySerializer(), new ByteArraySerializer());
    keyedPayments =
        driver.createInputTopic(
            TOPICS.input(), new ByteArraySerializer(), serdes.payment().serializer());
    retryInput = driver.createInputTopic(TOPICS.retry(), keys, serdes.retry().serializer());
    final StringDeserializer keyReader = new StringDeserializer();
    done = driver.createOutputTopic(TOPICS.done(), keyReader, serdes.done().deserializer());
    retry = driver.createOutputTopic(TOPICS.retry(), keyReader, serdes.retry().deserializer());
    dlq = driver.createOutputTopic(TOPICS.dlq(), keyReader, serdes.deadLetter().deserializer());
  }

  private static Properties props() {
    final Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "notifier-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    return props;
  }

  org.apache.kafka.streams.Topology topology() {
    return topology;
  }

  synchronized Instant now() {
    return now;
  }

  /** The harness's wall clock as a Clock. */
  Clock clock() {
    return new Clock() {
      @Override
      public Instant instant() {
        return now();
      }

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(final ZoneId zone) {
        return this;
      }
    };
  }

  /** Publishes a payment keyed by its paymentRequestId. */
  void publish(final PaymentFinalized payment) {
    payments.pipeInput(payment.getPaymentRequestId(), payment, now());
  }

  /** Moves the wall clock on; due punctuators (result routing, retry release) run. */
  void advance(final Duration duration) {
    synchronized (this) {
      now = now.plus(duration);
    }
    driver.advanceWallClockTime(duration);
  }

  /** Lets the result-routing punctuator run once. */
  void settle() {
    advance(NotifyProcessor.COMPLETION_POLL_INTERVAL);
  }

  /** The harness's registry, for keys written as a Confluent producer would. */
  Map<String, String> registryConfig() {
    return Map.of("schema.registry.url", "mock://" + scope);
  }

  @Override
  public void close() {
    driver.close();
    MockSchemaRegistry.dropScope(scope);
  }
}
