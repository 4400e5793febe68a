package io.paymentnotifier;

import io.paymentnotifier.config.AlipayConfigDef;
import io.paymentnotifier.config.FlowConfigDef;
import io.paymentnotifier.config.KafkaConfigDef;
import io.paymentnotifier.config.NotifierConfig;
import io.paymentnotifier.config.TopicsConfigDef;
import io.paymentnotifier.dev.DemoSummary;
import io.paymentnotifier.dev.DemoTraffic;
import io.paymentnotifier.dev.EmbeddedStack;
import io.paymentnotifier.dev.EventPublisher;
import io.paymentnotifier.dev.Pacer;
import io.paymentnotifier.dev.Percentiles;
import io.paymentnotifier.dev.ProgressReporter;
import io.paymentnotifier.dev.TerminalRecords;
import io.paymentnotifier.notify.AlipaySettings;
import io.paymentnotifier.notify.HttpNotifyClient;
import io.paymentnotifier.topology.NotificationObserver;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.streams.KafkaStreams;

/**
 * One demo: the embedded stack, the real notifier (the same {@link NotifierService} as {@code run})
 * with a short retry ladder, events published while the simulator injects faults, then the summary
 * read back from the done and DLQ topics.
 */
final class DemoRun {

  /** Short enough that a retried payment settles within seconds. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

  private static final int PUBLISH_BATCH = 200;
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration SETTLE = Duration.ofSeconds(1);
  private static final Duration STARTUP = Duration.ofSeconds(60);

  private final DemoCommand options;
  private final PrintWriter out;
  private final boolean terminal;
  private ProgressReporter progress;

  DemoRun(final DemoCommand options, final PrintWriter out, final boolean terminal) {
    this.options = options;
    this.out = out;
    this.terminal = terminal;
  }

  /** Runs the demo on a started stack; stops the notifier before returning. */
  DemoSummary run(final EmbeddedStack stack) throws Exception {
    final NotifierConfig config = new NotifierConfig(settings(stack));
    final NotifierService service =
        new NotifierService(
            config, new HttpNotifyClient(AlipaySettings.from(config)), NotificationObserver.NONE);
    try {
      service.start();
      awaitRunning(service.kafkaStreams());
      return drive(stack, config);
    } finally {
      service.close(Duration.ofSeconds(10));
    }
  }

  /** Publishing before the first rebalance ends would count start-up time as latency. */
  static void awaitRunning(final KafkaStreams streams) {
    final long deadline = System.nanoTime() + STARTUP.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()) {
        throw new IllegalStateException("the notifier did not start: " + streams.state());
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  /** The stack's settings plus the demo's: short retry ladder, short timeouts. */
  static Map<String, String> settings(final EmbeddedStack stack) {
    final Map<String, String> settings = new TreeMap<>(stack.notifierSettings());
    settings.put(KafkaConfigDef.APPLICATION_ID_CONFIG, "payment-notifier-demo");
    settings.put(TopicsConfigDef.PARTITIONS_CONFIG, "4");
    settings.put(FlowConfigDef.RETRY_BACKOFF_CONFIG, "500ms,1s,2s");
    settings.put(FlowConfigDef.RETRY_MAX_ATTEMPTS_CONFIG, "4");
    settings.put(FlowConfigDef.RETRY_MAX_AGE_CONFIG, "1m");
    settings.put(FlowConfigDef.SHUTDOWN_TIMEOUT_CONFIG, "5s");
    settings.put(AlipayConfigDef.CONNECT_TIMEOUT_CONFIG, "1s");
    settings.put(AlipayConfigDef.RESPONSE_TIMEOUT_CONFIG, "2s");
    settings.put(AlipayConfigDef.CALL_TIMEOUT_CONFIG, "2s");
    return settings;
  }

  private DemoSummary drive(final EmbeddedStack stack, final NotifierConfig config) {
    final DemoTraffic traffic =
        new DemoTraffic(
            io.paymentnotifier.dev.PaymentSamples.runPrefix("demo"),
            options.events,
            options.badEvents,
            options.failedShare);
    final Map<String, Object> registry = config.registryProperties();
    try (EventPublisher publisher =
            new EventPublisher(
                Map.of("bootstrap.servers", stack.bootstrapServers()),
                registry,
                config.topics().input());
        TerminalRecords terminals =
            new TerminalRecords(stack.bootstrapServers(), registry, config.topics())) {
      out.printf(
          "Notifier running; publishing %d events while the simulator injects faults%n",
          traffic.total());
      progress = new ProgressReporter(out, terminal, traffic.total());
      final long started = System.nanoTime();
      publishAndWatch(traffic, publisher, terminals);
      progress.finish();
      return summary(traffic, terminals.tally(), stack, started);
    }
  }

  private void publishAndWatch(
      final DemoTraffic traffic, final EventPublisher publisher, final TerminalRecords terminals) {
    final Pacer pacer = new Pacer(options.rate);
    final long deadline = System.nanoTime() + options.timeout.toNanos();
    long sent = 0;
    while (terminals.terminals() < traffic.total() && System.nanoTime() < deadline) {
      for (int i = 0; i < PUBLISH_BATCH && sent < traffic.total(); i++, sent++) {
        pacer.await();
        traffic.send(sent, publisher);
      }
      terminals.poll(sent < traffic.total() ? Duration.ZERO : POLL);
      progress.update(publisher.acknowledged(), terminals.done(), terminals.deadLetters());
    }
    publisher.flush();
    // A duplicate terminal record would arrive after the last expected one: look a while longer.
    final long settleUntil = System.nanoTime() + SETTLE.toNanos();
    while (System.nanoTime() < settleUntil) {
      terminals.poll(POLL);
    }
  }

  private static DemoSummary summary(
      final DemoTraffic traffic,
      final TerminalRecords.Tally tally,
      final EmbeddedStack stack,
      final long startedNanos) {
    final double seconds = Math.max(1e-3, (tally.lastReadNanos() - startedNanos) / 1e9);
    final Percentiles latency = new Percentiles(tally.doneLatenciesMs());
    final long requests = stack.simulator().stats().totalRequests();
    return new DemoSummary(
        traffic.total(),
        tally.done(),
        tally.deadLetters(),
        tally.deadLettersByReasonAndCode(),
        tally.retries(),
        requests,
        traffic.validPayments() == 0 ? 0 : requests / (double) traffic.validPayments(),
        seconds,
        (tally.done() + tally.deadLetters()) / seconds,
        latency.at(50),
        latency.at(95),
        latency.at(99),
        tally.missing(traffic.keys()),
        tally.duplicated());
  }
}
