package io.paymentnotifier;

import io.paymentnotifier.dev.BenchSummary;
import io.paymentnotifier.dev.EmbeddedStack;
import io.paymentnotifier.dev.QuietLogs;
import io.paymentnotifier.dev.SigningCeiling;
import io.paymentnotifier.notify.Keys;
import io.paymentnotifier.simulator.Latency;
import io.paymentnotifier.simulator.SimulatorFaults;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Measures the notifier against the RSA signing ceiling and a blocking-call baseline. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "On the embedded stack, one after the other: (a) RSA-2048 signatures/s on all cores,"
          + " (b) a topology making one blocking notifyPayment call per record, (c) the"
          + " notifier's topology (same serde, client and simulator; signed responses).",
      "Each of (b) and (c) is warmed up, then runs a throughput phase (a backlog) and a latency"
          + " phase (half that rate). (a) runs again at the end; the higher figure counts."
    })
public final class BenchCommand implements Callable<Integer> {

  /** The baseline is bound by its 50 ms waits, not by compiled code: a short warm-up will do. */
  private static final long BASELINE_WARMUP_EVENTS = 30;

  private static final long SIGNING_WARMUP_SECONDS = 3;

  @Spec CommandSpec spec;

  @Option(
      names = "--latency-ms",
      defaultValue = "50",
      description = "Simulator latency (${DEFAULT-VALUE}).")
  long latencyMs;

  @Option(names = "--baseline-events", defaultValue = "300", description = "(${DEFAULT-VALUE})")
  long baselineEvents;

  @Option(
      names = "--events",
      defaultValue = "10000",
      description = "For the real topology (${DEFAULT-VALUE}).")
  long events;

  @Option(
      names = "--warmup-events",
      defaultValue = "10000",
      description = "Events per warm-up round of the real topology (${DEFAULT-VALUE}).")
  long warmupEvents;

  @Option(
      names = "--warmup-rounds",
      defaultValue = "8",
      description =
          "Warm-up rounds at most; they stop once the JIT compiler uses under 5%% of the"
              + " cores (${DEFAULT-VALUE}; 0: no warm-up).")
  int warmupRounds;

  @Option(
      names = "--latency-seconds",
      defaultValue = "10",
      description = "Length of each latency phase (${DEFAULT-VALUE}).")
  long latencySeconds;

  @Option(names = "--signing-seconds", defaultValue = "10", description = "(${DEFAULT-VALUE})")
  long signingSeconds;

  @Option(
      names = "--summary-json",
      paramLabel = "FILE",
      description = "Also write the results as JSON.")
  Path summaryJson;

  @Option(names = "--verbose", description = "Keep the log output of Kafka and the notifier.")
  boolean verbose;

  private double signingCeiling(final PrintWriter out, final PrivateKey key, final int cores)
      throws Exception {
    out.printf("(a) signing RSA-2048 on %d threads for %d s...%n", cores, signingSeconds);
    out.flush();
    final double perSecond =
        SigningCeiling.measure(
            key,
            cores,
            Duration.ofSeconds(Math.min(SIGNING_WARMUP_SECONDS, signingSeconds)),
            Duration.ofSeconds(signingSeconds));
    out.printf("  %.0f signatures/s%n", perSecond);
    out.flush();
    return perSecond;
  }

  @Override
  public Integer call() throws Exception {
    if (!verbose) {
      QuietLogs.errorsOnly();
    }
    final PrintWriter out = spec.commandLine().getOut();
    final int cores = Runtime.getRuntime().availableProcessors();
    final PrivateKey signingKey = Keys.generateRsaPair().getPrivate();
    final double signingBefore = signingCeiling(out, signingKey, cores);
    out.println("(b, c) starting the embedded stack...");
    out.flush();
    final SimulatorFaults faults =
        SimulatorFaults.builder().latency(Latency.fixed(Duration.ofMillis(latencyMs))).build();
    try (EmbeddedStack stack = EmbeddedStack.start(EmbeddedStack.Settings.ephemeral(faults))) {
      final BenchRun run = new BenchRun(stack, Duration.ofSeconds(latencySeconds), out);
      final BenchRun.Measured baseline =
          run.baseline(new BenchRun.WarmUp(BASELINE_WARMUP_EVENTS, 1), baselineEvents);
      final BenchRun.Measured real =
          run.real(new BenchRun.WarmUp(warmupEvents, warmupRounds), events);
      // Other tenants of a shared machine slow signing down for a while; the better of two
      // readings is the ceiling, which makes real/ceiling the harder ratio to meet.
      final double signing = Math.max(signingBefore, signingCeiling(out, signingKey, cores));
      final BenchSummary summary =
          new BenchSummary(
              cores,
              latencyMs,
              signing,
              baseline.throughput(),
              baseline.latency(),
              real.throughput(),
              real.throughputCpu(),
              real.latency(),
              baseline.peakHeapMiB(),
              real.peakHeapMiB());
      summary.print(out);
      if (summaryJson != null) {
        summary.writeJson(summaryJson);
      }
      return 0;
    }
  }
}
