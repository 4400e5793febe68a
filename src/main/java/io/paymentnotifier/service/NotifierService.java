package io.paymentnotifier.service;

import io.paymentnotifier.config.Durations;
import io.paymentnotifier.config.FlowConfigDef;
import io.paymentnotifier.config.NotifierConfig;
import io.paymentnotifier.config.NotifyUrlAllowlist;
import io.paymentnotifier.config.TopicsConfigDef;
import io.paymentnotifier.notify.NotifyClient;
import io.paymentnotifier.notify.OverloadControl;
import io.paymentnotifier.retry.RetryPolicy;
import io.paymentnotifier.topology.InFlightCalls;
import io.paymentnotifier.topology.NotificationObserver;
import io.paymentnotifier.topology.NotificationTopology;
import io.paymentnotifier.topology.PaymentStatusStores;
import io.paymentnotifier.topology.TopicSetup;
import io.paymentnotifier.topology.TopologyDeps;
import io.paymentnotifier.topology.TopologySerdes;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running notifier: topics, serdes, topology and Kafka Streams built from a config, the one
 * code path behind {@code run} and the embedded {@code demo}, {@code dev} and {@code bench}.
 */
public final class NotifierService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NotifierService.class);

  private final NotifierConfig config;
  private final NotifyClient client;
  private final InFlightCalls calls;
  private final OverloadControl overload;
  private final Topology topology;
  private final Properties streamsProperties;
  private final KafkaStreams streams;
  private boolean closed;

  /**
   * Builds everything without touching the network yet; {@link #start()} creates the topics and
   * starts. The service owns the client from here on and closes it on {@link #close}.
   */
  public NotifierService(
      final NotifierConfig config, final NotifyClient client, final NotificationObserver observer) {
    this.config = config;
    this.client = client;
    this.calls = new InFlightCalls(config.getInt(FlowConfigDef.MAX_IN_FLIGHT_CONFIG));
    this.overload = OverloadControl.from(config);
    final NotifyUrlAllowlist notifyUrls = NotifyUrlAllowlist.from(config);
    LOG.info(
        "An event's notifyUrl may name {}{}",
        notifyUrls.describe(),
        notifyUrls.httpsOnly() ? ", over https only" : "");
    final TopologyDeps deps =
        new TopologyDeps(
            config.topics(),
            TopologySerdes.fromRegistry(config.registryProperties()),
            client,
            calls,
            RetryPolicy.from(config),
            Durations.parse(config.getString(FlowConfigDef.DEDUP_WINDOW_CONFIG)),
            observer == null ? NotificationObserver.NONE : observer,
            notifyUrls,
            overload);
    this.topology = NotificationTopology.build(deps);
    this.streamsProperties = StreamsSettings.of(config);
    this.streams = new KafkaStreams(topology, streamsProperties);
    streams.setUncaughtExceptionHandler(NotifierService::onStreamThreadFailure);
  }

  /** Creates missing topics, checks partition counts, then starts processing. */
  public void start() {
    try (Admin admin = Admin.create(adminProperties(config))) {
      new TopicSetup(
              admin,
              config.topics(),
              config.getBoolean(TopicsConfigDef.CREATE_CONFIG),
              config.getInt(TopicsConfigDef.PARTITIONS_CONFIG),
              config.getShort(TopicsConfigDef.REPLICATION_FACTOR_CONFIG))
          .ensure();
    }
    streams.start();
    LOG.info("Notifier started: reading {}", config.topics().input());
  }

  /** The Kafka Streams client, for health checks and metrics. */
  public KafkaStreams kafkaStreams() {
    return streams;
  }

  /**
   * The stores the payment status lookup reads (for {@code Operations#attach}): a payment is found
   * whether its events were keyed in UTF-8 or as Confluent Avro strings.
   */
  public PaymentStatusStores paymentStatusStores() {
    return PaymentStatusStores.of(streams, config.registryProperties(), config.topics().input());
  }

  /** The topology this service runs. */
  public Topology topology() {
    return topology;
  }

  /** The instance's call budget: calls running and not yet routed. */
  public InFlightCalls inFlightCalls() {
    return calls;
  }

  /** The overload control of the instance's Alipay+ hosts, for metrics and health. */
  public OverloadControl overloadControl() {
    return overload;
  }

  /**
   * Graceful stop: no new call starts, calls in flight get until the timeout to finish and be
   * routed, then Kafka Streams commits and closes. Calls still unfinished stay in the in-flight
   * store and are made again by whoever runs the partition next. True when everything settled.
   */
  public synchronized boolean close(final Duration timeout) {
    if (closed) {
      return true;
    }
    closed = true;
    final long deadline = System.nanoTime() + timeout.toNanos();
    calls.startDraining();
    final boolean settled = calls.awaitSettled(timeout);
    final Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    final boolean streamsClosed =
        streams.close(
            CloseOptions.groupMembershipOperation(StreamsSettings.onClose(streamsProperties))
                .withTimeout(left));
    client.close();
    LOG.info(
        "Notifier stopped: calls settled={}, streams closed in time={}, left in store={}",
        settled,
        streamsClosed,
        calls.unsettled());
    return settled && streamsClosed;
  }

  /** Closes within {@code shutdown.timeout}. */
  @Override
  public void close() {
    close(Durations.parse(config.getString(FlowConfigDef.SHUTDOWN_TIMEOUT_CONFIG)));
  }

  private static Properties adminProperties(final NotifierConfig config) {
    final Properties props = new Properties();
    config
        .kafkaProperties()
        .forEach(
            (key, value) -> {
              if (AdminClientConfig.configNames().contains(key.toString())) {
                props.put(key, value);
              }
            });
    return props;
  }

  /**
   * A retriable failure (an unreachable registry, a broker timeout) replaces the thread, which
   * reprocesses from the last commit; anything else is a bug or bad state and stops the client, so
   * health checks and the exit code show it instead of a thread failing in a loop.
   */
  static StreamThreadExceptionResponse onStreamThreadFailure(final Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof RetriableException) {
        LOG.warn("Stream thread failed on a retriable error, replacing it: {}", t.toString());
        return StreamThreadExceptionResponse.REPLACE_THREAD;
      }
    }
    LOG.error("Stream thread failed, shutting the notifier down", error);
    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
  }
}
