package io.paymentnotifier.devstack.demo;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a demo run achieved, every number taken from the done and DLQ topics (plus the simulator's
 * request count).
 *
 * @param events events published (valid and bad)
 * @param done payments acknowledged, one done record each
 * @param deadLettered DLQ records
 * @param deadLettersByReasonAndCode DLQ records by "REASON LAST_CODE"
 * @param retries notifyPayment calls beyond each payment's first
 * @param simulatorRequests requests the Alipay+ simulator received
 * @param simulatorRequestsPerPayment those requests per published valid payment
 * @param seconds from the first publish to the last terminal record
 * @param throughputPerSecond terminal records per second over that time
 * @param latencyP50Ms event-to-done latency, median
 * @param latencyP95Ms event-to-done latency, 95th percentile
 * @param latencyP99Ms event-to-done latency, 99th percentile
 * @param missing events without a terminal record
 * @param duplicated events with more than one terminal record
 */
public record DemoSummary(
    long events,
    long done,
    long deadLettered,
    Map<String, Long> deadLettersByReasonAndCode,
    long retries,
    long simulatorRequests,
    double simulatorRequestsPerPayment,
    double seconds,
    double throughputPerSecond,
    long latencyP50Ms,
    long latencyP95Ms,
    long latencyP99Ms,
    long missing,
    long duplicated) {

  private static final String ROW = "  %-44s %12s%n";

  /** Whether every event reached exactly one terminal record. */
  @JsonProperty("exactlyOneTerminalEach")
  public boolean exactlyOneTerminalEach() {
    return missing == 0 && duplicated == 0 && done + deadLettered == events;
  }

  /** The summary table. */
  public void print(final PrintWriter out) {
    out.printf("%nSummary (read back from the done and DLQ topics)%n");
    out.printf(ROW, "events published", events);
    out.printf(ROW, "done (Alipay+ acknowledged)", done);
    out.printf(ROW, "dead-lettered", deadLettered);
    deadLettersByReasonAndCode.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.printf(ROW, "  " + e.getKey(), e.getValue()));
    out.printf(ROW, "retries (calls beyond the first)", retries);
    out.printf(
        ROW, "simulator requests per payment", String.format("%.2f", simulatorRequestsPerPayment));
    out.printf(ROW, "throughput (events/s)", String.format("%.0f", throughputPerSecond));
    out.printf(ROW, "wall time (s)", String.format("%.1f", seconds));
    out.printf(
        ROW,
        "event->done latency p50 / p95 / p99 (ms)",
        latencyP50Ms + " / " + latencyP95Ms + " / " + latencyP99Ms);
    out.printf(
        "  exactly one terminal record per event: %s (%d missing, %d duplicated)%n",
        exactlyOneTerminalEach() ? "YES" : "NO", missing, duplicated);
  }

  /** Writes the summary as JSON. */
  public void writeJson(final Path file) throws IOException {
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
  }
}
