package io.paymentnotifier.devstack.bench;

import io.paymentnotifier.config.KafkaConfigDef;
import io.paymentnotifier.config.NotifierConfig;
import io.paymentnotifier.config.OpsConfigDef;
import io.paymentnotifier.config.Topics;
import io.paymentnotifier.devstack.stack.DirectoryCleaner;
import io.paymentnotifier.devstack.stack.EmbeddedStack;
import io.paymentnotifier.devstack.stack.FreePorts;
import io.paymentnotifier.devstack.stack.LocalNotifier;
import io.paymentnotifier.devstack.stack.TerminalRecords;
import io.paymentnotifier.publish.EventPublisher;
import io.paymentnotifier.publish.PaymentSamples;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code bench --recovery}: the real {@code run} in a child JVM on the embedded stack builds a
 * history of H payments, is SIGKILLed while a steady load has calls in flight, and is started again
 * at once on the same state directory (or, with {@code --lose-disk}, on an empty one). Measured:
 * kill to RUNNING ({@code /health/ready}), kill to the first done record of an event published
 * after the kill, and what the restarted child restored (its restore metrics); checked: every event
 * has exactly one terminal record.
 */
final class RecoveryBench {

  static final String APPLICATION_ID = "bench-recovery";
  private static final Duration HISTORY_TIMEOUT = Duration.ofMinutes(20);
  private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration LOAD_BEFORE_KILL = Duration.ofSeconds(3);
  private static final Duration LOAD_AFTER_FIRST_DONE = Duration.ofSeconds(2);

  /**
   * What to run.
   *
   * @param history payments notified before the kill
   * @param loadRate events per second published through the kill
   * @param loseDisk whether the restarted child starts on an empty state directory
   */
  record Plan(long history, double loadRate, boolean loseDisk) {}

  private final EmbeddedStack stack;
  private final Plan plan;
  private final PrintWriter out;
  private final Topics topics;
  private final Map<String, Object> registry;
  private final Path stateDir;

  RecoveryBench(final EmbeddedStack stack, final Plan plan, final PrintWriter out) {
    this.stack = stack;
    this.plan = plan;
    this.out = out;
    final NotifierConfig config = new NotifierConfig(settings(stack, 0));
    this.topics = config.topics();
    this.registry = config.registryProperties();
    this.stateDir = Path.of(config.kafkaProperties().getProperty("state.dir"));
  }

  /** The child's settings: the stack's, static membership, a fixed ops port. */
  static Map<String, String> settings(final EmbeddedStack stack, final int opsPort) {
    final Map<String, String> settings =
        new TreeMap<>(LocalNotifier.settings(stack, APPLICATION_ID));
    settings.put(KafkaConfigDef.INSTANCE_ID_CONFIG, APPLICATION_ID + "-0");
    settings.put(OpsConfigDef.PORT_CONFIG, String.valueOf(opsPort));
    return settings;
  }

  RecoveryResult run() throws Exception {
    final Path dir = stack.directory().resolve("recovery");
    try (ChildNotifier child =
            new ChildNotifier(dir, settings(stack, FreePorts.orFree(0)), List.of("-Xmx1g"));
        EventPublisher publisher = publisher()) {
      child.start();
      child.awaitReady(Duration.ofMinutes(2));
      final double historyRate = buildHistory(publisher);
      final StateSize size = StateSize.measure(stack.bootstrapServers(), APPLICATION_ID, stateDir);
      out.printf(
          "  state: %,d bytes on disk, %,d bytes of changelog (%.0f and %.0f per payment)%n",
          size.localBytes(),
          size.changelogBytes(),
          size.localBytes() / (double) plan.history(),
          size.changelogBytes() / (double) plan.history());
      out.flush();
      final Crash crash = crashUnderLoad(child, publisher);
      return result(child, historyRate, size, crash);
    }
  }

  private EventPublisher publisher() {
    return new EventPublisher(
        Map.of("bootstrap.servers", stack.bootstrapServers()), registry, topics.input());
  }

  private double buildHistory(final EventPublisher publisher) {
    out.printf("  building a history of %,d payments...%n", plan.history());
    out.flush();
    final LoadPhase.Result history =
        LoadPhase.run(
            publisher,
            () -> new TerminalRecords(stack.bootstrapServers(), registry, topics, true),
            new PaymentSamples(PaymentSamples.runPrefix("history"), 0.2, 7),
            plan.history(),
            0,
            HISTORY_TIMEOUT);
    if (history.finished() < plan.history()) {
      throw new IllegalStateException(
          "history incomplete: " + history.finished() + " of " + plan.history());
    }
    out.printf("  history done: %.0f notifications/s%n", history.perSecond());
    out.flush();
    return history.perSecond();
  }

  /**
   * When the kill happened and what the restart took.
   *
   * @param readyNanos from the kill to /health/ready answering 200
   * @param firstNewDoneNanos from the kill to the first done record of a post-kill event
   * @param loadIds the ids of every event of the steady load
   */
  record Crash(long readyNanos, long firstNewDoneNanos, List<String> loadIds) {}

  private Crash crashUnderLoad(final ChildNotifier child, final EventPublisher publisher)
      throws Exception {
    final String afterPrefix = PaymentSamples.runPrefix("after-kill");
    try (FirstArrival firstNew =
        new FirstArrival(stack.bootstrapServers(), topics.done(), afterPrefix)) {
      final SteadyLoad load =
          new SteadyLoad(
              publisher, PaymentSamples.runPrefix("before-kill"), afterPrefix, plan.loadRate());
      load.start();
      Thread.sleep(LOAD_BEFORE_KILL.toMillis());
      final long killed = System.nanoTime();
      child.kill();
      load.switchPrefix();
      out.printf("  SIGKILLed the child under %.0f events/s, restarting%n", plan.loadRate());
      out.flush();
      if (plan.loseDisk()) {
        DirectoryCleaner.deleteRecursively(stateDir);
      }
      child.start();
      final long[] times = awaitRecovery(child, firstNew, killed);
      Thread.sleep(LOAD_AFTER_FIRST_DONE.toMillis());
      return new Crash(times[0], times[1], load.stop());
    }
  }

  /** Polls readiness and the done topic until both have happened: {ready, firstNewDone}. */
  private static long[] awaitRecovery(
      final ChildNotifier child, final FirstArrival firstNew, final long killed) {
    final long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
    long ready = -1;
    while (ready < 0 || firstNew.arrivedNanos() < 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no recovery within " + RECOVERY_TIMEOUT);
      }
      if (ready < 0 && child.ready()) {
        ready = System.nanoTime() - killed;
      }
      firstNew.poll(Duration.ofMillis(20));
    }
    return new long[] {ready, firstNew.arrivedNanos() - killed};
  }

  private RecoveryResult result(
      final ChildNotifier child,
      final double historyRate,
      final StateSize size,
      final Crash crash) {
    final long events = plan.history() + crash.loadIds().size();
    final TerminalRecords.Tally tally = awaitAllTerminal(events);
    final String logs = child.logs();
    logs.lines()
        .filter(ChildNotifier::tellsOfAWipe)
        .limit(5)
        .forEach(l -> out.println("  log: " + l));
    final long restored = (long) child.metric("notifier_restore_records_total");
    final double restoring = child.metric("notifier_restore_seconds_total");
    final Duration restoreWall = RestoreSpan.of(child.lastLog());
    child.stop(Duration.ofSeconds(30));
    // A graceful close flushes every memtable: now the files hold all of the state.
    final StateSize stopped = StateSize.measure(stack.bootstrapServers(), APPLICATION_ID, stateDir);
    return new RecoveryResult(
        plan.history(),
        plan.loseDisk(),
        historyRate,
        crash.readyNanos() / 1e9,
        crash.firstNewDoneNanos() / 1e9,
        restored,
        restoring,
        restoreWall.toMillis() / 1e3,
        size.changelogBytes(),
        events,
        stopped.localBytes(),
        stopped.changelogBytes(),
        tally.terminalsByKey().size(),
        tally.duplicated(),
        logs.lines().anyMatch(ChildNotifier::tellsOfAWipe));
  }

  private TerminalRecords.Tally awaitAllTerminal(final long events) {
    try (TerminalRecords all = new TerminalRecords(stack.bootstrapServers(), registry, topics)) {
      final long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
      while (all.terminals() < events && System.nanoTime() < deadline) {
        all.poll(Duration.ofMillis(200));
      }
      // Anything doubled would arrive about now: read a little longer.
      final long quiet = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      while (System.nanoTime() < quiet) {
        all.poll(Duration.ofMillis(200));
      }
      return all.tally();
    }
  }
}
