package io.paymentnotifier.devstack.demo;

import io.paymentnotifier.config.NotifierConfig;
import io.paymentnotifier.devstack.stack.EmbeddedStack;
import io.paymentnotifier.devstack.stack.LocalNotifier;
import io.paymentnotifier.devstack.stack.Percentiles;
import io.paymentnotifier.devstack.stack.TerminalRecords;
import io.paymentnotifier.notify.AlipaySettings;
import io.paymentnotifier.notify.HttpNotifyClient;
import io.paymentnotifier.publish.EventPublisher;
import io.paymentnotifier.publish.Pacer;
import io.paymentnotifier.publish.PaymentSamples;
import io.paymentnotifier.service.NotifierService;
import io.paymentnotifier.topology.NotificationObserver;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;

/**
 * One demo: the embedded stack, the real notifier (the same {@link NotifierService} as {@code run})
 * with a short retry ladder, events published while the simulator injects faults, then the summary
 * read back from the done and DLQ topics.
 */
final class DemoRun {

  private static final int PUBLISH_BATCH = 200;
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration SETTLE = Duration.ofSeconds(1);

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
    final NotifierConfig config =
        new NotifierConfig(LocalNotifier.settings(stack, "payment-notifier-demo"));
    final AlipaySettings alipay = AlipaySettings.from(config);
    out.printf(
        "RSA signatures: notifier %s, simulator %s%n",
        alipay.signatures().provider(), stack.simulator().signatures().provider());
    final NotifierService service =
        new NotifierService(config, new HttpNotifyClient(alipay), NotificationObserver.NONE);
    try {
      service.start();
      LocalNotifier.awaitRunning(service.kafkaStreams());
      return drive(stack, config);
    } finally {
      service.close(Duration.ofSeconds(10));
    }
  }

  private DemoSummary drive(final EmbeddedStack stack, final NotifierConfig config) {
    final DemoTraffic traffic =
        new DemoTraffic(
            PaymentSamples.runPrefix("demo"),
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
