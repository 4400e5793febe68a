package io.paymentnotifier.devstack.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The benchmark's results.
 *
 * @param cores available processors
 * @param simulatorLatencyMs the simulator's fixed answer delay
 * @param signingCeilings RSA-2048 signatures per second on all cores, by provider, every reading
 * @param baseline one blocking call per record: throughput phase
 * @param baselineLatency the same at half its throughput: latency phase
 * @param realReadings the notifier's topology: every throughput reading, in order
 * @param real the best of those readings
 * @param realCpu the JVM's CPU use during the best reading, and the JIT compiler's part of it
 * @param realCpuByThread the same by thread group, per notification
 * @param realLatency the notifier at half its lowest throughput reading: latency phase
 * @param baselinePeakHeapMiB peak used heap of the JVM during the baseline phases
 * @param realPeakHeapMiB peak used heap of the JVM during the real phases
 */
public record BenchSummary(
    int cores,
    long simulatorLatencyMs,
    List<SigningCeilings.Ceiling> signingCeilings,
    LoadPhase.Result baseline,
    LoadPhase.Result baselineLatency,
    List<Double> realReadings,
    LoadPhase.Result real,
    CpuUse.Share realCpu,
    CpuBreakdown realCpuByThread,
    LoadPhase.Result realLatency,
    long baselinePeakHeapMiB,
    long realPeakHeapMiB) {

  /** p99 at half load may exceed the simulator's latency by this much. */
  static final long P99_ALLOWANCE_MS = 100;

  /** The signing ceiling: the higher provider's best reading (the harder ratio to meet). */
  @JsonProperty("signingPerSecond")
  public double signingPerSecond() {
    return SigningCeilings.highest(signingCeilings).perSecond();
  }

  /** The provider of that ceiling: {@code native} or {@code jdk}. */
  @JsonProperty("signingCeilingKind")
  public String signingCeilingKind() {
    return SigningCeilings.highest(signingCeilings).kind();
  }

  /** CPU of one native signature (the JDK's where there is no native provider), in ms. */
  @JsonProperty("signatureCpuMs")
  public double signatureCpuMs() {
    return referenceCeiling().cpuMsPerSignature();
  }

  /** Real throughput over baseline throughput. */
  @JsonProperty("realOverBaseline")
  public double realOverBaseline() {
    return real.perSecond() / baseline.perSecond();
  }

  /** Real throughput over the higher signing ceiling. */
  @JsonProperty("realOverSigningCeiling")
  public double realOverSigningCeiling() {
    return real.perSecond() / signingPerSecond();
  }

  /** The notifier's own CPU per notification over the CPU of one native signature. */
  @JsonProperty("notifierCpuOverSignature")
  public double notifierCpuOverSignature() {
    return realCpuByThread.notifierMsPerNotification() / signatureCpuMs();
  }

  /** The targets of issue 13 and whether this run met them. */
  @JsonProperty("targets")
  public List<BenchTarget> targets() {
    return List.of(
        BenchTarget.atLeast(
            "realOverSigningCeiling",
            "real / signing ceiling (" + signingCeilingKind() + ", the higher)",
            realOverSigningCeiling(),
            0.6),
        BenchTarget.atLeast(
            "realOverBaseline", "real / blocking baseline", realOverBaseline(), 100),
        BenchTarget.atMost(
            "notifierCpuOverSignature",
            "notifier CPU per notification / one " + referenceCeiling().kind() + " signature",
            notifierCpuOverSignature(),
            1.3),
        BenchTarget.atMost(
            "realLatencyP99Ms",
            "p99 ms at half load (simulator latency + " + P99_ALLOWANCE_MS + " ms)",
            realLatency.p99Ms(),
            simulatorLatencyMs + P99_ALLOWANCE_MS));
  }

  /** The results table, the CPU by thread group and the targets. */
  public void print(final PrintWriter out) {
    printTable(out);
    printReadings(out);
    realCpuByThread.print(out, "(c)'s best reading");
    BenchTarget.print(out, targets());
    out.flush();
  }

  private void printTable(final PrintWriter out) {
    final String row = "  %-38s %14s %14s %14s %10s%n";
    out.printf(
        "%nBenchmark: %d cores, simulator latency %d ms, responses signed%n",
        cores, simulatorLatencyMs);
    out.printf(row, "", "notifications/s", "p50 ms (1/2 load)", "p99 ms (1/2 load)", "peak heap");
    signingCeilings.forEach(
        c ->
            out.printf(
                row,
                "(a) signing ceiling, " + c.kind(),
                String.format("%.0f", c.perSecond()),
                "-",
                "-",
                "-"));
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
  }

  private void printReadings(final PrintWriter out) {
    final String ceilings =
        signingCeilings.stream()
            .map(c -> c.kind() + " " + rounded(c.readings().stream().map(r -> r.perSecond())))
            .collect(Collectors.joining("; "));
    out.printf(
        "  readings, best counts: (a) %s; (c) %s%n", ceilings, rounded(realReadings.stream()));
    out.printf(
        "  one signature: %s%n",
        signingCeilings.stream()
            .map(c -> String.format("%s %.3f ms CPU", c.kind(), c.cpuMsPerSignature()))
            .collect(Collectors.joining(", ")));
    out.printf(
        "  during (c)'s best reading the JVM used %.0f%% of the %d cores, the JIT compiler %.0f%%%n",
        100 * realCpu.process(), cores, 100 * realCpu.jitCompiler());
  }

  private SigningCeilings.Ceiling referenceCeiling() {
    return SigningCeilings.nativeOne(signingCeilings).orElse(signingCeilings.get(0));
  }

  /** Writes the results as JSON. */
  public void writeJson(final Path file) throws IOException {
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
  }

  private static String rounded(final Stream<Double> readings) {
    return readings.map(r -> String.format("%.0f", r)).collect(Collectors.joining(", "));
  }
}
