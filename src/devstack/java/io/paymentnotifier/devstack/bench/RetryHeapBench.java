package io.paymentnotifier.devstack.bench;

import io.paymentnotifier.config.FlowConfigDef;
import io.paymentnotifier.config.NotifierConfig;
import io.paymentnotifier.config.OverloadConfigDef;
import io.paymentnotifier.config.Topics;
import io.paymentnotifier.devstack.stack.EmbeddedStack;
import io.paymentnotifier.devstack.stack.FreePorts;
import io.paymentnotifier.devstack.stack.TerminalRecords;
import io.paymentnotifier.publish.EventPublisher;
import io.paymentnotifier.publish.PaymentSamples;
import io.paymentnotifier.simulator.SimulatorFaults;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code bench --retry-heap}: what waiting retries cost the heap. The real {@code run} in a child
 * JVM notifies a warm-up batch, then Alipay+ (the simulator) answers HTTP 503 to everything and N
 * events are published; each gets a retry due in an hour. The child's used heap after a full GC
 * ({@code jcmd GC.run}) is read before the events and once all N retries wait.
 */
final class RetryHeapBench {

  private static final String APPLICATION_ID = "bench-retry-heap";
  private static final long WARMUP_EVENTS = 2_000;
  private static final Duration TIMEOUT = Duration.ofMinutes(20);

  /**
   * What was measured.
   *
   * @param waitingRetries retries waiting when the second reading was taken
   * @param heapBeforeBytes used heap after a full GC, before the outage's events
   * @param heapAfterBytes used heap after a full GC, with every retry waiting
   */
  record Result(long waitingRetries, long heapBeforeBytes, long heapAfterBytes) {

    long addedBytes() {
      return heapAfterBytes - heapBeforeBytes;
    }

    void print(final PrintWriter out) {
      out.printf("Heap with %,d retries waiting (used heap after a full GC)%n", waitingRetries);
      out.printf("  before   %8.1f MiB%n", heapBeforeBytes / 1048576.0);
      out.printf("  after    %8.1f MiB%n", heapAfterBytes / 1048576.0);
      out.printf(
          "  added    %8.1f MiB (%.0f bytes per waiting retry; target <= 10 MiB per 100,000)%n",
          addedBytes() / 1048576.0, addedBytes() / (double) Math.max(1, waitingRetries));
      out.flush();
    }
  }

  private final EmbeddedStack stack;
  private final long retries;
  private final PrintWriter out;

  RetryHeapBench(final EmbeddedStack stack, final long retries, final PrintWriter out) {
    this.stack = stack;
    this.retries = retries;
    this.out = out;
  }

  Result run() throws Exception {
    final Map<String, String> settings = settings();
    final NotifierConfig config = new NotifierConfig(settings);
    final Topics topics = config.topics();
    try (ChildNotifier child =
            new ChildNotifier(
                stack.directory().resolve("retry-heap"), settings, List.of("-Xmx1g"));
        EventPublisher publisher =
            new EventPublisher(
                Map.of("bootstrap.servers", stack.bootstrapServers()),
                config.registryProperties(),
                topics.input())) {
      child.start();
      child.awaitReady(Duration.ofMinutes(2));
      warmUp(publisher, config, topics);
      stack.simulator().faults(SimulatorFaults.builder().http503Rate(1.0).build());
      final long before = child.heapUsedAfterFullGc();
      final PaymentSamples samples = new PaymentSamples(PaymentSamples.runPrefix("outage"), 0, 3);
      for (long i = 0; i < retries; i++) {
        publisher.send(samples.next(i));
      }
      publisher.flush();
      awaitWaiting(child);
      final Result result = new Result(retries, before, child.heapUsedAfterFullGc());
      child.stop(Duration.ofSeconds(30));
      return result;
    }
  }

  private Map<String, String> settings() {
    final Map<String, String> settings =
        new TreeMap<>(RecoveryBench.settings(stack, FreePorts.orFree(0)));
    settings.put("kafka.application.id", APPLICATION_ID);
    settings.put("instance.id", APPLICATION_ID + "-0");
    settings.put("kafka.state.dir", stack.directory().resolve("retry-heap-state").toString());
    // Every retry waits an hour: none is released while the heap is read.
    settings.put(FlowConfigDef.RETRY_BACKOFF_CONFIG, "1h");
    settings.put(FlowConfigDef.RETRY_MAX_ATTEMPTS_CONFIG, "0");
    settings.put(FlowConfigDef.RETRY_MAX_AGE_CONFIG, "72h");
    // Overload control would hold the calls to the failing host back instead of attempting them
    // (no attempt, no waiting retry, and the input stops at notify.max.in.flight held calls): off,
    // every event is attempted once and waits for its retry, which is what is measured here.
    settings.put(OverloadConfigDef.CONTROL_CONFIG, "false");
    return settings;
  }

  /** Notifies a batch first, so the code paths are loaded and compiled before the first reading. */
  private void warmUp(
      final EventPublisher publisher, final NotifierConfig config, final Topics topics) {
    final LoadPhase.Result warmUp =
        LoadPhase.run(
            publisher,
            () ->
                new TerminalRecords(
                    stack.bootstrapServers(), config.registryProperties(), topics, true),
            new PaymentSamples(PaymentSamples.runPrefix("warm-up"), 0.2, 5),
            WARMUP_EVENTS,
            0,
            TIMEOUT);
    out.printf("  warm-up: %,d notified%n", warmUp.finished());
    out.flush();
  }

  /** Until a retry waits for every event (the pending gauge) and no call is in flight. */
  private void awaitWaiting(final ChildNotifier child) {
    final long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (child.metric("notifier_retries_pending") < retries
        || child.metric("notifier_calls_in_flight") > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("retries not all waiting after " + TIMEOUT);
      }
      LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
    }
    out.printf(
        "  %,d retries waiting (%,d scheduled)%n",
        (long) child.metric("notifier_retries_pending"),
        (long) child.metric("notifier_retries_scheduled_total"));
    out.flush();
  }
}
