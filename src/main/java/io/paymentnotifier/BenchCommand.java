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
      "Each of (b) and (c) runs a throughput phase (a backlog) and a latency phase (half that rate)."
    })
public final class BenchCommand implements Callable<Integer> {

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

  @Option(names = "--signing-seconds", defaultValue = "10", description = "(${DEFAULT-VALUE})")
  long signingSeconds;

  @Option(
      names = "--summary-json",
      paramLabel = "FILE",
      description = "Also write the results as JSON.")
  Path summaryJson;

  @Option(names = "--verbose", description = "Keep the log output of Kafka and the notifier.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    if (!verbose) {
      QuietLogs.errorsOnly();
    }
    final PrintWriter out = spec.commandLine().getOut();
    final int cores = Runtime.getRuntime().availableProcessors();
    out.printf("(a) signing RSA-2048 on %d threads for %d s...%n", cores, signingSeconds);
    out.flush();
    final double signing =
        SigningCeiling.measure(
            Keys.generateRsaPair().getPrivate(),
            cores,
            Duration.ofSeconds(3),
            Duration.ofSeconds(signingSeconds));
    out.printf("  %.0f signatures/s%n(b, c) starting the embedded stack...%n", signing);
    out.flush();
    final SimulatorFaults faults =
        SimulatorFaults.builder().latency(Latency.fixed(Duration.ofMillis(latencyMs))).build();
    try (EmbeddedStack stack = EmbeddedStack.start(EmbeddedStack.Settings.ephemeral(faults))) {
      final BenchRun run = new BenchRun(stack, out);
      final BenchRun.Measured baseline = run.baseline(baselineEvents);
      final BenchRun.Measured real = run.real(events);
      final BenchSummary summary =
          new BenchSummary(
              cores,
              latencyMs,
              signing,
              baseline.throughput(),
              baseline.latency(),
              real.throughput(),
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
