package io.paymentnotifier.devstack.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The benchmark's results.
 *
 * @param cores available processors
 * @param simulatorLatencyMs the simulator's fixed answer delay
 * @param signingReadings RSA-2048 signatures per second on all cores, each reading
 * @param baseline one blocking call per record: throughput phase
 * @param baselineLatency the same at half its throughput: latency phase
 * @param realReadings the notifier's topology: every throughput reading, in order
 * @param real the best of those readings
 * @param realCpu the JVM's CPU use during the best reading, and the JIT compiler's part of it
 * @param realLatency the notifier at half its lowest throughput reading: latency phase
 * @param baselinePeakHeapMiB peak used heap of the JVM during the baseline phases
 * @param realPeakHeapMiB peak used heap of the JVM during the real phases
 */
public record BenchSummary(
    int cores,
    long simulatorLatencyMs,
    List<Double> signingReadings,
    LoadPhase.Result baseline,
    LoadPhase.Result baselineLatency,
    List<Double> realReadings,
    LoadPhase.Result real,
    CpuUse.Share realCpu,
    LoadPhase.Result realLatency,
    long baselinePeakHeapMiB,
    long realPeakHeapMiB) {

  /** The signing ceiling: the best reading, which makes real/ceiling the harder ratio to meet. */
  @JsonProperty("signingPerSecond")
  public double signingPerSecond() {
    return signingReadings.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  /** Real throughput over baseline throughput (target: at least 50). */
  @JsonProperty("realOverBaseline")
  public double realOverBaseline() {
    return real.perSecond() / baseline.perSecond();
  }

  /** Real throughput over the signing ceiling (target: at least 0.6). */
  @JsonProperty("realOverSigningCeiling")
  public double realOverSigningCeiling() {
    return real.perSecond() / signingPerSecond();
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
        String.format("%.0f", signingPerSecond()),
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
    printReadings(out);
    out.flush();
  }

  private void printReadings(final PrintWriter out) {
    out.printf(
        "  readings, best counts: (a) %s; (c) %s%n",
        rounded(signingReadings), rounded(realReadings));
    out.printf(
        "  during (c)'s best reading the JVM used %.0f%% of the %d cores, the JIT compiler %.0f%%%n",
        100 * realCpu.process(), cores, 100 * realCpu.jitCompiler());
    out.printf(
        "  real / baseline = %.1f x (target >= 50)   real / signing ceiling = %.2f (target >= 0.6)%n",
        realOverBaseline(), realOverSigningCeiling());
  }

  /** Writes the results as JSON. */
  public void writeJson(final Path file) throws IOException {
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
  }

  private static String rounded(final List<Double> readings) {
    return readings.stream().map(r -> String.format("%.0f", r)).collect(Collectors.joining(", "));
  }
}
