package io.paymentnotifier.ops;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.paymentnotifier.config.NotifierConfig;
import io.paymentnotifier.config.OpsConfigDef;
import io.paymentnotifier.notify.CryptoProvider;
import io.paymentnotifier.notify.HostStatus;
import io.paymentnotifier.notify.OverloadControl;
import io.paymentnotifier.topology.NotificationObserver;
import io.paymentnotifier.topology.PaymentStatusStores;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations side of one service instance: the metrics registry with JVM and Kafka Streams
 * meters, the observer the topology reports to (metrics and outcome log), and the ops HTTP server.
 *
 * <p>Create it before the topology (it needs {@link #observer()}), then {@link #attach} the Kafka
 * Streams client to serve health and Streams metrics.
 */
public final class Operations implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Operations.class);

  private final int port;
  private final HostInfo advertised;
  private final PrometheusMeterRegistry registry;
  private final MetricsObserver metrics;
  private final NotificationObserver observer;
  private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
  private OpsServer server;
  private volatile OverloadControl overload;

  private Operations(final int port, final HostInfo advertised) {
    this.port = port;
    this.advertised = advertised;
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    bindJvmMeters();
    this.metrics = new MetricsObserver(registry);
    this.observer = CompositeObserver.of(metrics, new OutcomeLogger());
  }

  /** For the {@code ops.port} and the advertised endpoint of the configuration. */
  public static Operations create(final NotifierConfig config) {
    return new Operations(
        config.getInt(OpsConfigDef.PORT_CONFIG),
        OpsConfigDef.applicationServer(config).map(HostInfo::buildFromEndpoint).orElse(null));
  }

  /** For the given ops port, advertising no endpoint; 0 picks a free one when the server starts. */
  public static Operations create(final int port) {
    return new Operations(port, null);
  }

  /** The observer to hand to the topology: metrics and the per-outcome log line. */
  public NotificationObserver observer() {
    return observer;
  }

  /**
   * Shows the Alipay+ hosts of this overload control in the metrics ({@code notifier_alipay_state},
   * the permitted rate, held calls) and in the readiness detail.
   */
  public void overloadControl(final OverloadControl control) {
    metrics.overloadControl(control);
    overload = control;
  }

  /** Shows the provider that signs and verifies in {@code notifier_crypto_provider_info}. */
  public void cryptoProvider(final CryptoProvider provider) {
    metrics.cryptoProvider(provider);
  }

  /**
   * Binds the client's metrics, and starts the ops server on its state. Call it before {@code
   * streams.start()} when no other state listener is set, so readiness sees RUNNING at once and
   * every state restore is logged and counted ({@link RestoreMetrics}).
   */
  public synchronized void attach(final KafkaStreams streams) {
    attach(streams, PaymentStatusStores.of(streams));
  }

  /**
   * The same, the status lookup reading these stores of the client (see {@code
   * NotifierService#paymentStatusStores}, which also finds payments keyed in Confluent Avro).
   */
  public synchronized void attach(final KafkaStreams streams, final PaymentStatusStores stores) {
    if (server != null) {
      throw new IllegalStateException("a Kafka Streams client is already attached");
    }
    final KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
    toClose.push(streamsMetrics);
    final HealthCheck health = new HealthCheck(StreamsStatus.of(streams), this::alipayHosts);
    if (streams.state() == KafkaStreams.State.CREATED) {
      streams.setStateListener(health);
      streams.setGlobalStateRestoreListener(new RestoreMetrics(registry));
    }
    server =
        OpsServer.start(
            port, health, registry, new PaymentLookup(stores, new PeerClient(), advertised));
    toClose.push(stores);
    toClose.push(server);
  }

  /** The bound ops port, once attached. */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("the ops server starts when a client is attached");
    }
    return server.port();
  }

  private List<HostStatus> alipayHosts() {
    final OverloadControl control = overload;
    return control == null ? List.of() : control.hosts();
  }

  @Override
  public synchronized void close() {
    while (!toClose.isEmpty()) {
      try {
        toClose.pop().close();
      } catch (Exception e) {
        LOG.warn("Closing an ops resource failed", e);
      }
    }
    registry.close();
  }

  private void bindJvmMeters() {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    final JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    toClose.push(gc);
  }
}
