package io.paymentnotifier.devstack.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paymentnotifier.config.FlowConfigDef;
import io.paymentnotifier.config.NotifierConfig;
import io.paymentnotifier.devstack.stack.EmbeddedStack;
import io.paymentnotifier.devstack.stack.LocalNotifier;
import io.paymentnotifier.devstack.stack.TerminalRecords;
import io.paymentnotifier.notify.AlipaySettings;
import io.paymentnotifier.notify.HostStatus;
import io.paymentnotifier.notify.HttpNotifyClient;
import io.paymentnotifier.ops.MetricNames;
import io.paymentnotifier.ops.MetricsObserver;
import io.paymentnotifier.publish.EventPublisher;
import io.paymentnotifier.publish.Pacer;
import io.paymentnotifier.publish.PaymentSamples;
import io.paymentnotifier.service.NotifierService;
import io.paymentnotifier.simulator.SimulatorFaults;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The embedded stack and one notifier for an overload-control bench run: the same NotifierService
 * as {@code run}, its metrics, and a publisher of fresh events. Retries wait 2 s, 5 s, then 10 s,
 * with no cap on attempts and the production age limit (72h), so a payment of the run can only end
 * done or be lost, never dead-lettered for the length of the outage.
 */
final class OverloadStack implements AutoCloseable {

  private final EmbeddedStack stack;
  private final NotifierService service;
  private final NotifierConfig config;
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final EventPublisher publisher;
  private final PaymentSamples samples;
  private final List<String> ids = new CopyOnWriteArrayList<>();

  private OverloadStack(final EmbeddedStack stack, final String name) {
    this.stack = stack;
    final Map<String, String> settings = LocalNotifier.settings(stack, name);
    settings.put(FlowConfigDef.RETRY_BACKOFF_CONFIG, "2s,5s,10s");
    settings.put(FlowConfigDef.RETRY_MAX_ATTEMPTS_CONFIG, "0");
    settings.put(FlowConfigDef.RETRY_MAX_AGE_CONFIG, "72h");
    this.config = new NotifierConfig(settings);
    final MetricsObserver observer = new MetricsObserver(metrics);
    this.service =
        new NotifierService(config, new HttpNotifyClient(AlipaySettings.from(config)), observer);
    observer.overloadControl(service.overloadControl());
    this.publisher =
        new EventPublisher(
            Map.of("bootstrap.servers", stack.bootstrapServers()),
            config.registryProperties(),
            config.topics().input());
    this.samples = new PaymentSamples(PaymentSamples.runPrefix(name), 0.2, System.nanoTime());
  }

  /** A fresh stack whose simulator injects {@code faults}, and the notifier on it, running. */
  static OverloadStack start(final String name, final SimulatorFaults faults) {
    final EmbeddedStack stack = EmbeddedStack.start(EmbeddedStack.Settings.ephemeral(faults));
    try {
      final OverloadStack started = new OverloadStack(stack, name);
      started.service.start();
      LocalNotifier.awaitRunning(started.service.kafkaStreams());
      return started;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  EmbeddedStack stack() {
    return stack;
  }

  /** Watches the done and DLQ topics from now on. */
  TerminalRecords terminals() {
    return new TerminalRecords(
        stack.bootstrapServers(), config.registryProperties(), config.topics(), true);
  }

  /** Publishes {@code events} fresh events at {@code rate} a second (0: at once), in the back. */
  Thread publish(final long events, final double rate) {
    final Thread thread =
        new Thread(
            () -> {
              final Pacer pacer = new Pacer(rate);
              final long first = ids.size();
              for (long n = first; n < first + events; n++) {
                pacer.await();
                final var event = samples.next(n);
                ids.add(event.getPaymentRequestId());
                publisher.send(event);
              }
              publisher.flush();
            },
            "bench-publisher");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Every paymentRequestId published so far. */
  List<String> ids() {
    return ids;
  }

  /** The Alipay+ host of the simulator, as overload control sees it now. */
  HostStatus host() {
    return service.overloadControl().hosts().get(0);
  }

  /** Calls held back since start. */
  long heldBack() {
    return (long)
        metrics.find(MetricNames.CALLS_HELD_BACK).counters().stream()
            .mapToDouble(Counter::count)
            .sum();
  }

  @Override
  public void close() {
    try {
      service.close(Duration.ofSeconds(10));
      publisher.close();
    } finally {
      stack.close();
    }
  }
}
