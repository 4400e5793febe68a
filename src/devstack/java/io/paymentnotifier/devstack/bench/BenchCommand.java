package io.paymentnotifier.devstack.bench;

import io.paymentnotifier.devstack.stack.EmbeddedStack;
import io.paymentnotifier.devstack.stack.QuietLogs;
import io.paymentnotifier.notify.Keys;
import io.paymentnotifier.simulator.Latency;
import io.paymentnotifier.simulator.SimulatorFaults;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Measures the notifier against the RSA signing ceilings of both providers and a blocking baseline.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "On the embedded stack: (a) RSA-2048 signatures/s on all cores, with the JDK's provider"
          + " and the native one,"
          + " (b) a topology making one blocking notifyPayment call per record, (c) the"
          + " notifier's topology (same serde, client and simulator; signed responses).",
      "(b), then (c), is warmed up, then measured: throughput (a backlog) and latency (at half"
          + " that rate). Readings of (a) alternate with those of (c)'s throughput; the best of"
          + " each counts. (c) is set against the higher ceiling, and its own threads' CPU per"
          + " notification against one native signature.",
      "--recovery and --retry-heap run the real run command in a child JVM instead."
    })
public final class BenchCommand implements Callable<Integer> {

  /** The baseline is bound by its 50 ms waits, not by compiled code: a short warm-up will do. */
  private static final long BASELINE_WARMUP_EVENTS = 30;

  @Spec CommandSpec spec;

  @Option(
      names = "--latency-ms",
      defaultValue = "50",
      description = "Simulator latency (${DEFAULT-VALUE}).")
  long latencyMs;

  @Option(
      names = "--baseline-events",
      defaultValue = "300",
      description = "For the baseline's throughput reading (${DEFAULT-VALUE}).")
  long baselineEvents;

  @Option(
      names = "--events",
      defaultValue = "20000",
      description = "Per throughput reading of the real topology (${DEFAULT-VALUE}).")
  long events;

  @Option(
      names = "--warmup-events",
      defaultValue = "10000",
      description = "Events per warm-up round of the real topology (${DEFAULT-VALUE}).")
  long warmupEvents;

  @Option(
      names = "--warmup-rounds",
      defaultValue = "25",
      description =
          "Warm-up rounds at most; they stop once the JIT compiler uses under 5%% of the"
              + " cores (${DEFAULT-VALUE}; 0: no warm-up).")
  int warmupRounds;

  @Option(
      names = "--latency-seconds",
      defaultValue = "10",
      description = "Length of each latency phase (${DEFAULT-VALUE}).")
  long latencySeconds;

  @Option(
      names = "--readings",
      defaultValue = "2",
      description = "Readings of (a) and of (c)'s throughput, alternating (${DEFAULT-VALUE}).")
  int readings;

  @Option(
      names = "--signing-seconds",
      defaultValue = "10",
      description = "Length of each reading of (a) (${DEFAULT-VALUE}).")
  long signingSeconds;

  @Option(
      names = "--summary-json",
      paramLabel = "FILE",
      description = "Also write the results as JSON.")
  Path summaryJson;

  @Option(names = "--verbose", description = "Keep the log output of Kafka and the notifier.")
  boolean verbose;

  @Mixin OverloadModes overload;

  @Mixin ChildJvmModes childJvm;

  private void requireAtLeast(final long min, final String option, final long value) {
    if (value < min) {
      throw new ParameterException(
          spec.commandLine(), option + " must be at least " + min + ", was " + value);
    }
  }

  @Override
  public Integer call() throws Exception {
    if (!verbose) {
      QuietLogs.errorsOnly();
    }
    checkOptions();
    final PrintWriter out = spec.commandLine().getOut();
    if (overload.selected()) {
      return overload.run(out, events, latencyMs, summaryJson);
    }
    if (childJvm.selected()) {
      return childJvm.run(out, latencyMs, summaryJson);
    }
    out.println("Starting the embedded stack...");
    out.flush();
    final SimulatorFaults faults =
        SimulatorFaults.builder().latency(Latency.fixed(Duration.ofMillis(latencyMs))).build();
    try (EmbeddedStack stack = EmbeddedStack.start(EmbeddedStack.Settings.ephemeral(faults))) {
      final BenchSummary summary = summary(baseline(stack, out), real(stack, out));
      summary.print(out);
      if (summaryJson != null) {
        summary.writeJson(summaryJson);
      }
      return 0;
    }
  }

  private BenchSummary summary(final Baseline baseline, final Real real) {
    return new BenchSummary(
        Runtime.getRuntime().availableProcessors(),
        latencyMs,
        real.signing(),
        baseline.reading().result(),
        baseline.latency(),
        real.readings().stream().map(r -> r.result().perSecond()).toList(),
        real.best().result(),
        real.best().cpu(),
        real.best().threads(),
        real.latency(),
        baseline.peakHeapMiB(),
        real.peakHeapMiB());
  }

  private void checkOptions() {
    requireAtLeast(1, "--events", events);
    requireAtLeast(1, "--baseline-events", baselineEvents);
    requireAtLeast(1, "--readings", readings);
    requireAtLeast(1, "--signing-seconds", signingSeconds);
    requireAtLeast(1, "--latency-seconds", latencySeconds);
    requireAtLeast(0, "--warmup-rounds", warmupRounds);
    requireAtLeast(1, "--warmup-events", warmupEvents);
    requireAtLeast(0, "--latency-ms", latencyMs);
    if (overload.problem() != null) {
      throw new ParameterException(spec.commandLine(), overload.problem());
    }
    if (childJvm.problem() != null) {
      throw new ParameterException(spec.commandLine(), childJvm.problem());
    }
    if (overload.selected() && childJvm.selected()) {
      throw new ParameterException(
          spec.commandLine(),
          "--outage-after/--traffic-limit-rate and --recovery/--retry-heap are separate runs: pick one");
    }
  }

  /** What (b) measured. */
  private record Baseline(
      BenchSystem.Reading reading, LoadPhase.Result latency, long peakHeapMiB) {}

  /** What (a) and (c) measured; {@code best} is the best of {@code readings}. */
  private record Real(
      List<SigningCeilings.Ceiling> signing,
      List<BenchSystem.Reading> readings,
      BenchSystem.Reading best,
      LoadPhase.Result latency,
      long peakHeapMiB) {}

  private Baseline baseline(final EmbeddedStack stack, final PrintWriter out) throws Exception {
    out.println("(b) baseline: one blocking call per record");
    try (BenchSystem system = BenchSystem.baseline(stack, out)) {
      system.warmUp(BASELINE_WARMUP_EVENTS, 1);
      final BenchSystem.Reading reading = system.throughput(baselineEvents);
      final LoadPhase.Result latency =
          system.latency(reading.result().perSecond() / 2, Duration.ofSeconds(latencySeconds));
      return new Baseline(reading, latency, system.peakHeapMiB());
    }
  }

  private Real real(final EmbeddedStack stack, final PrintWriter out) throws Exception {
    out.println("(c) payment-notifier topology, each reading after one of (a)");
    final int cores = Runtime.getRuntime().availableProcessors();
    final SigningCeilings signing =
        new SigningCeilings(
            Keys.generateRsaPair().getPrivate(), cores, Duration.ofSeconds(signingSeconds));
    final List<BenchSystem.Reading> real = new ArrayList<>();
    try (BenchSystem system = BenchSystem.real(stack, out)) {
      system.warmUp(warmupEvents, warmupRounds);
      // Other tenants of a shared machine slow everything down for a while: readings of (a)
      // and (c) alternate so that both see the same spells, and the best of each counts.
      for (int i = 0; i < readings; i++) {
        signing.read(out);
        real.add(system.throughput(events));
      }
      final BenchSystem.Reading best =
          real.stream().max(Comparator.comparingDouble(r -> r.result().perSecond())).get();
      // Latency at half the worst reading: a load the machine carried even in its slow spells.
      final double worst =
          real.stream().mapToDouble(r -> r.result().perSecond()).min().getAsDouble();
      final LoadPhase.Result latency =
          system.latency(worst / 2, Duration.ofSeconds(latencySeconds));
      return new Real(signing.ceilings(), real, best, latency, system.peakHeapMiB());
    }
  }
}
