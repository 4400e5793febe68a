package io.paymentnotifier.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paymentnotifier.testing.CommandRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench command end to end, small: its figures are checked for sense, not for speed. */
class BenchCommandIT {

  @Test
  void shouldMeasureEveryPhaseAndWriteTheSummary(@TempDir final Path dir) throws Exception {
    // given
    final Path json = dir.resolve("bench.json");
    // when
    final CommandRun run =
        CommandRun.devStack(
            "bench",
            "--signing-seconds",
            "1",
            "--baseline-events",
            "5",
            "--events",
            "200",
            "--warmup-events",
            "100",
            "--warmup-rounds",
            "1",
            "--latency-seconds",
            "1",
            "--summary-json",
            json.toString());
    // then
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains(
            "real warm-up round 1:",
            "(a) signing ceiling:",
            "(c) payment-notifier topology",
            "real / baseline =");
    final JsonNode summary = new ObjectMapper().readTree(json.toFile());
    // readings of (a) and (c) alternate, twice by default; the best of each counts
    assertThat(summary.get("signingReadings")).hasSize(2);
    assertThat(summary.get("realReadings")).hasSize(2);
    assertThat(summary.get("signingPerSecond").asDouble())
        .isPositive()
        .isEqualTo(best(summary.get("signingReadings")));
    assertThat(summary.at("/real/perSecond").asDouble())
        .isEqualTo(best(summary.get("realReadings")));
    assertThat(summary.at("/baseline/finished").asLong()).isEqualTo(5);
    assertThat(summary.at("/real/finished").asLong()).isEqualTo(200);
    assertThat(summary.at("/realLatency/finished").asLong())
        .isEqualTo(summary.at("/realLatency/events").asLong());
    assertThat(summary.at("/realLatency/p99Ms").asLong())
        .isGreaterThanOrEqualTo(summary.at("/realLatency/p50Ms").asLong())
        .isPositive();
    assertThat(summary.at("/realCpu/process").asDouble()).isBetween(0.0, 1.05);
    // 200 calls at 50 ms each cannot finish at the blocking baseline's pace of at most 20/s.
    assertThat(summary.get("realOverBaseline").asDouble()).isGreaterThan(1.0);
    assertThat(summary.get("realOverSigningCeiling").asDouble())
        .isEqualTo(
            summary.at("/real/perSecond").asDouble() / summary.get("signingPerSecond").asDouble());
  }

  @Test
  void shouldRefuseAReadingCountBelowOneBeforeStartingAnything() {
    // when
    final CommandRun run = CommandRun.devStack("bench", "--readings", "0");
    // then
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--readings must be at least 1, was 0");
    assertThat(run.out()).doesNotContain("Starting the embedded stack");
  }

  @Test
  void shouldMeasureARecoveryAfterASigkillAndFindEveryEventNotifiedOnce(@TempDir final Path dir)
      throws Exception {
    // given
    final Path json = dir.resolve("recovery.json");
    // when
    final CommandRun run =
        CommandRun.devStack(
            "bench",
            "--recovery",
            "--history",
            "300",
            "--load-rate",
            "50",
            "--summary-json",
            json.toString());
    // then
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("kill -> RUNNING", "kill -> first new done record");
    final JsonNode summary = new ObjectMapper().readTree(json.toFile());
    assertThat(summary.get("history").asLong()).isEqualTo(300);
    assertThat(summary.get("events").asLong()).isGreaterThan(300);
    assertThat(summary.get("eventsWithATerminalRecord").asLong())
        .isEqualTo(summary.get("events").asLong());
    assertThat(summary.get("eventsWithSeveralTerminalRecords").asLong()).isZero();
    assertThat(summary.get("storesWiped").asBoolean()).isFalse();
    assertThat(summary.get("restoredRecords").asLong()).isPositive();
    assertThat(summary.get("killToReadySeconds").asDouble()).isPositive();
    assertThat(summary.get("killToFirstNewDoneSeconds").asDouble()).isPositive();
    assertThat(summary.get("localStateBytes").asLong()).isPositive();
  }

  @Test
  void shouldRefuseRecoveryAndRetryHeapInOneRun() {
    // when
    final CommandRun run = CommandRun.devStack("bench", "--recovery", "--retry-heap");
    // then
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--recovery and --retry-heap are separate runs");
    assertThat(run.out()).doesNotContain("Starting the embedded stack");
  }

  private static double best(final JsonNode readings) {
    double best = 0;
    for (final JsonNode reading : readings) {
      best = Math.max(best, reading.asDouble());
    }
    return best;
  }
}
