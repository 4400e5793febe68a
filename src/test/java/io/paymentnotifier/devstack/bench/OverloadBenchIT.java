package io.paymentnotifier.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paymentnotifier.testing.CommandRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overload-control modes of bench, small: their figures are checked for sense, not speed. */
class OverloadBenchIT {

  @Test
  void shouldReportAnOutageThatDrewFewRequestsAndCostNoPayment(@TempDir final Path dir)
      throws Exception {
    // given
    final Path json = dir.resolve("outage.json");

    // when
    final CommandRun run =
        CommandRun.devStack(
            "bench",
            "--events",
            "2000",
            "--publish-rate",
            "250",
            "--outage-after",
            "2s",
            "--outage-for",
            "4s",
            "--summary-json",
            json.toString());

    // then
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("requests into the outage", "calls held back");
    final JsonNode summary = new ObjectMapper().readTree(json.toFile());
    assertThat(summary.get("requestsIntoOutage").asLong()).isBetween(1L, 500L);
    assertThat(summary.get("heldBack").asLong()).isPositive();
    assertThat(summary.get("done").asLong()).isEqualTo(2000);
    assertThat(summary.get("deadLetters").asLong()).isZero();
    assertThat(summary.get("lost").asLong()).isZero();
    assertThat(summary.get("repeated").asLong()).isZero();
    assertThat(summary.get("unavailableAfterSeconds").asDouble()).isBetween(0.0, 4.0);
    assertThat(summary.get("availableAgainSeconds").isNull()).isFalse();
  }

  @Test
  void shouldReportALowerCallRateUnderTrafficLimitsAndEveryPaymentDone(@TempDir final Path dir)
      throws Exception {
    // given
    final Path json = dir.resolve("limits.json");

    // when
    final CommandRun run =
        CommandRun.devStack(
            "bench",
            "--events",
            "800",
            "--traffic-limit-rate",
            "0.3",
            "--summary-json",
            json.toString());

    // then
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    final JsonNode summary = new ObjectMapper().readTree(json.toFile());
    assertThat(summary.get("limitedRequestsPerSecond").asDouble())
        .isLessThan(summary.get("freeRequestsPerSecond").asDouble());
    assertThat(summary.get("trafficLimited").asLong()).isPositive();
    assertThat(summary.get("done").asLong()).isEqualTo(800);
    assertThat(summary.get("deadLetters").asLong()).isZero();
  }

  @Test
  void shouldRefuseAnOutageAndTrafficLimitsInOneRunBeforeStartingAnything() {
    // when
    final CommandRun run =
        CommandRun.devStack("bench", "--outage-after", "2s", "--traffic-limit-rate", "0.3");

    // then
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--outage-after and --traffic-limit-rate are separate runs");
    assertThat(run.out()).doesNotContain("Starting the embedded stack");
  }
}
