package io.paymentnotifier.devstack.bench;

import io.paymentnotifier.devstack.stack.EmbeddedStack;
import io.paymentnotifier.simulator.Latency;
import io.paymentnotifier.simulator.SimulatorFaults;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The bench modes that run the real {@code run} command in a child JVM: {@code --recovery} (a
 * SIGKILL under load) and {@code --retry-heap} (heap per waiting retry). Options of {@code bench}.
 */
public final class ChildJvmModes {

  @Option(
      names = "--recovery",
      description =
          "Instead of throughput: SIGKILL the real run (a child JVM) under load after a history of"
              + " --history payments, restart it, report kill -> RUNNING, kill -> first new done"
              + " record, records restored.")
  boolean recovery;

  @Option(
      names = "--history",
      defaultValue = "20000",
      description = "--recovery: payments notified before the kill (${DEFAULT-VALUE}).")
  long history;

  @Option(
      names = "--load-rate",
      defaultValue = "200",
      description = "--recovery: events/s published through the kill (${DEFAULT-VALUE}).")
  double loadRate;

  @Option(
      names = "--lose-disk",
      description = "--recovery: restart on an empty state directory (a lost disk): full restore.")
  boolean loseDisk;

  @Option(
      names = "--retry-heap",
      description =
          "Instead of throughput: the child JVM's heap after a full GC before and with"
              + " --waiting-retries retries waiting during an Alipay+ outage.")
  boolean retryHeap;

  @Option(
      names = "--waiting-retries",
      defaultValue = "100000",
      description = "--retry-heap: retries waiting at the second reading (${DEFAULT-VALUE}).")
  long waitingRetries;

  /** Whether one of these modes was asked for. */
  boolean selected() {
    return recovery || retryHeap;
  }

  /** Problems with the options, or null. */
  String problem() {
    if (recovery && retryHeap) {
      return "--recovery and --retry-heap are separate runs: choose one";
    }
    if (history < 1 || waitingRetries < 1 || loadRate <= 0) {
      return "--history, --waiting-retries and --load-rate must be positive";
    }
    return null;
  }

  /** Runs the selected mode on a fresh embedded stack; 0 when every check passed. */
  int run(final PrintWriter out, final long latencyMs, final Path summaryJson) throws Exception {
    final SimulatorFaults faults =
        SimulatorFaults.builder().latency(Latency.fixed(Duration.ofMillis(latencyMs))).build();
    out.println("Starting the embedded stack...");
    out.flush();
    try (EmbeddedStack stack = EmbeddedStack.start(EmbeddedStack.Settings.ephemeral(faults))) {
      if (retryHeap) {
        final RetryHeapBench.Result result = new RetryHeapBench(stack, waitingRetries, out).run();
        result.print(out);
        return 0;
      }
      final RecoveryResult result =
          new RecoveryBench(stack, new RecoveryBench.Plan(history, loadRate, loseDisk), out).run();
      result.print(out);
      if (summaryJson != null) {
        result.writeJson(summaryJson);
      }
      return result.exactlyOnce() ? 0 : 1;
    }
  }
}
