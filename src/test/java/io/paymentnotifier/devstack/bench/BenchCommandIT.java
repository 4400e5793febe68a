package io.paymentnotifier.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
            "(a) signing ceiling, SunRsaSign",
            "(a) signing ceiling, AmazonCorrettoCryptoProvider",
            "(c) payment-notifier topology",
            "CPU by thread group during (c)'s best reading",
            "targets:");
    final JsonNode summary = new ObjectMapper().readTree(json.toFile());
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
    assertCeilingsOfBothProviders(summary);
    assertCpuByThreadGroup(summary);
    assertTargets(summary);
  }

  /** Readings of both providers and of (c) alternate, twice by default; the best of each counts. */
  private static void assertCeilingsOfBothProviders(final JsonNode summary) {
    final JsonNode ceilings = summary.get("signingCeilings");
    assertThat(ceilings.findValuesAsText("kind")).containsExactly("jdk", "native");
    double highest = 0;
    for (final JsonNode ceiling : ceilings) {
      assertThat(ceiling.get("readings")).hasSize(2);
      assertThat(ceiling.get("perSecond").asDouble())
          .isPositive()
          .isEqualTo(extreme(ceiling.get("readings"), "perSecond", true));
      assertThat(ceiling.get("cpuMsPerSignature").asDouble())
          .isPositive()
          .isEqualTo(extreme(ceiling.get("readings"), "cpuMsPerSignature", false));
      highest = Math.max(highest, ceiling.get("perSecond").asDouble());
    }
    assertThat(summary.get("signingPerSecond").asDouble()).isEqualTo(highest);
    assertThat(summary.get("signatureCpuMs").asDouble())
        .isEqualTo(ceilings.get(1).get("cpuMsPerSignature").asDouble());
    assertThat(summary.get("realReadings")).hasSize(2);
    assertThat(summary.at("/real/perSecond").asDouble())
        .isEqualTo(best(summary.get("realReadings")));
    assertThat(summary.get("realOverSigningCeiling").asDouble())
        .isEqualTo(summary.at("/real/perSecond").asDouble() / highest);
  }

  /** The best reading's CPU, by thread group: every thread counted, signing on the signers. */
  private static void assertCpuByThreadGroup(final JsonNode summary) {
    final JsonNode cpu = summary.get("realCpuByThread");
    assertThat(cpu.get("notifications").asLong()).isEqualTo(200);
    // no faults: one request per notification, more only if a slow call was retried
    assertThat(cpu.get("simulatorRequests").asLong()).isGreaterThanOrEqualTo(200);
    double own = 0;
    double shares = 0;
    for (final JsonNode group : cpu.get("groups")) {
      if (group.get("notifierOwn").asBoolean()) {
        assertThat(group.get("cpuSeconds").asDouble()).as(group.toString()).isPositive();
        own += group.get("msPerNotification").asDouble();
      }
      shares += group.get("shareOfCores").asDouble();
    }
    assertThat(cpu.findValuesAsText("group"))
        .contains(
            "notifier: stream threads",
            "notifier: signer threads (notify-signer-*)",
            "notifier: HTTP client I/O (httpclient-*)",
            "Alipay+ simulator");
    assertThat(cpu.get("notifierMsPerNotification").asDouble()).isCloseTo(own, within(1e-9));
    assertThat(cpu.get("simulatorMsPerRequest").asDouble()).isPositive();
    // each notification is signed once, on a signer thread
    assertThat(msPerNotification(cpu, "notifier: signer threads (notify-signer-*)"))
        .isGreaterThan(0.5 * summary.get("signatureCpuMs").asDouble());
    assertThat(shares).isCloseTo(summary.at("/realCpu/process").asDouble(), within(0.2));
    assertThat(summary.get("notifierCpuOverSignature").asDouble())
        .isEqualTo(own / summary.get("signatureCpuMs").asDouble(), within(1e-9));
  }

  private static void assertTargets(final JsonNode summary) {
    final JsonNode targets = summary.get("targets");
    assertThat(targets.findValuesAsText("name"))
        .containsExactly(
            "realOverSigningCeiling",
            "realOverBaseline",
            "notifierCpuOverSignature",
            "realLatencyP99Ms");
    for (final JsonNode target : targets) {
      final double value = target.get("value").asDouble();
      final double bound = target.get("bound").asDouble();
      assertThat(target.get("met").asBoolean())
          .as(target.toString())
          .isEqualTo(
              target.get("comparison").asText().equals(">=") ? value >= bound : value <= bound);
      assertThat(value).isEqualTo(figure(summary, target.get("name").asText()));
    }
    assertThat(targets.get(3).get("bound").asDouble()).isEqualTo(50 + 100);
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

  /** The summary's figure a target is about: a ratio of its own, or the latency's p99. */
  private static double figure(final JsonNode summary, final String name) {
    return name.equals("realLatencyP99Ms")
        ? summary.at("/realLatency/p99Ms").asDouble()
        : summary.get(name).asDouble();
  }

  private static double msPerNotification(final JsonNode cpu, final String group) {
    for (final JsonNode g : cpu.get("groups")) {
      if (g.get("group").asText().equals(group)) {
        return g.get("msPerNotification").asDouble();
      }
    }
    throw new AssertionError("no group " + group + " in " + cpu);
  }

  private static double extreme(final JsonNode readings, final String field, final boolean max) {
    double extreme = max ? 0 : Double.MAX_VALUE;
    for (final JsonNode reading : readings) {
      extreme =
          max
              ? Math.max(extreme, reading.get(field).asDouble())
              : Math.min(extreme, reading.get(field).asDouble());
    }
    return extreme;
  }

  private static double best(final JsonNode readings) {
    double best = 0;
    for (final JsonNode reading : readings) {
      best = Math.max(best, reading.asDouble());
    }
    return best;
  }
}
