package io.paymentnotifier.dev;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The benchmark's results.
 *
 * @param cores available processors
 * @param simulatorLatencyMs the simulator's fixed answer delay
 * @param signingPerSecond RSA-2048 signatures per second on all cores: the CPU ceiling
 * @param baseline one blocking call per record: throughput phase
 * @param baselineLatency the same at half its throughput: latency phase
 * @param real the notifier's topology: throughput phase
 * @param realCpu the JVM's CPU use during that phase, and the JIT compiler's part of it
 * @param realLatency the same at half its throughput: latency phase
 * @param baselinePeakHeapMiB peak used heap of the JVM during the baseline phases
 * @param realPeakHeapMiB peak used heap of the JVM during the real phases
 */
public record BenchSummary(
    int cores,
    long simulatorLatencyMs,
    double signingPerSecond,
    LoadPhase.Result baseline,
    LoadPhase.Result baselineLatency,
    LoadPhase.Result real,
    CpuUse.Share realCpu,
    LoadPhase.Result realLatency,
    long baselinePeakHeapMiB,
    long realPeakHeapMiB) {

  /** Real throughput over baseline throughput (target: at least 50). */
  @JsonProperty("realOverBaseline")
  public double realOverBaseline() {
    return real.perSecond() / baseline.perSecond();
  }

  /** Real throughput over the signing ceiling (target: at least 0.6). */
  @JsonProperty("realOverSigningCeiling")
  public double realOverSigningCeiling() {
    return real.perSecond() / signingPerSecond;
  }

  /** The results table. */
  public void print(final PrintWriter out) {
    final String row = "  %-34s %14s %14s %14s %10s%n";
    out.printf(
        "%nBenchmark: %d cores, simulator latency %d ms, responses signed%n",
        cores, simulatorLatencyMs);
    out.printf(row, "", "notifications/s", "p50 ms (1/2 load)", "p99 ms (1/2 load)", "peak heap");
    out.printf(
        row,
        "(a) RSA-2048 signing ceiling",
        String.format("%.0f", signingPerSecond),
        "-",
        "-",
        "-");
    out.printf(
        row,
        "(b) baseline: 1 blocking call/record",
        String.format("%.1f", baseline.perSecond()),
        baselineLatency.p50Ms(),
        baselineLatency.p99Ms(),
        baselinePeakHeapMiB + " MiB");
    out.printf(
        row,
        "(c) payment-notifier topology",
        String.format("%.0f", real.perSecond()),
        realLatency.p50Ms(),
        realLatency.p99Ms(),
        realPeakHeapMiB + " MiB");
    out.printf(
        "  during (c)'s throughput phase the JVM used %.0f%% of the %d cores, the JIT compiler"
            + " %.0f%%%n",
        100 * realCpu.process(), cores, 100 * realCpu.jitCompiler());
    out.printf(
        "  real / baseline = %.1f x (target >= 50)   real / signing ceiling = %.2f (target >= 0.6)%n",
        realOverBaseline(), realOverSigningCeiling());
    out.flush();
  }

  /** Writes the results as JSON. */
  public void writeJson(final Path file) throws IOException {
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
  }
}
