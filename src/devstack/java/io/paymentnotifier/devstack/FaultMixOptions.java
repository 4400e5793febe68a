package io.paymentnotifier.devstack;

import io.paymentnotifier.simulator.Latency;
import io.paymentnotifier.simulator.SimulatorFaults;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The fault mix the demo's Alipay+ simulator injects. The defaults exercise every route: retried
 * answers (U, traffic limit, HTTP 503, no answer, bad signature) and final rejections.
 */
public final class FaultMixOptions {

  @Option(
      names = "--latency",
      defaultValue = "uniform:5ms-40ms",
      description =
          "Simulator latency: 0, 50ms, uniform:10ms-80ms, longtail:20ms-500ms (${DEFAULT-VALUE}).")
  String latency;

  @Option(
      names = "--unknown-rate",
      defaultValue = "0.05",
      description = "U UNKNOWN_EXCEPTION (${DEFAULT-VALUE}).")
  double unknownRate;

  @Option(
      names = "--throttle-rate",
      defaultValue = "0.02",
      description = "REQUEST_TRAFFIC_EXCEED_LIMIT, retried (${DEFAULT-VALUE}).")
  double throttleRate;

  @Option(
      names = "--reject-rate",
      defaultValue = "0.01",
      description = "F PROCESS_FAIL, dead-lettered as REJECTED (${DEFAULT-VALUE}).")
  double rejectRate;

  @Option(
      names = "--http503-rate",
      defaultValue = "0.03",
      description = "HTTP 503 (${DEFAULT-VALUE}).")
  double http503Rate;

  @Option(
      names = "--no-answer-rate",
      defaultValue = "0.005",
      description = "Requests never answered: the call times out (${DEFAULT-VALUE}).")
  double noAnswerRate;

  @Option(
      names = "--bad-signature-rate",
      defaultValue = "0.005",
      description = "Answers with a wrong signature (${DEFAULT-VALUE}).")
  double badSignatureRate;

  @Option(names = "--no-faults", description = "A well-behaved Alipay+: every answer S SUCCESS.")
  boolean noFaults;

  /** The faults these options describe; unanswered requests are held just past the call timeout. */
  public SimulatorFaults faults(final Duration callTimeout) {
    return faults(callTimeout, true);
  }

  /** As {@link #faults(Duration)}, or only the latency when {@code enabled} is false. */
  public SimulatorFaults faults(final Duration callTimeout, final boolean enabled) {
    final SimulatorFaults.Builder faults =
        SimulatorFaults.builder()
            .latency(Latency.parse(latency))
            .noAnswerHold(callTimeout.plusSeconds(1));
    if (noFaults || !enabled) {
      return faults.build();
    }
    return faults
        .unknownRate(unknownRate)
        .failCode("REQUEST_TRAFFIC_EXCEED_LIMIT", throttleRate)
        .failCode("PROCESS_FAIL", rejectRate)
        .http503Rate(http503Rate)
        .noAnswerRate(noAnswerRate)
        .badSignatureRate(badSignatureRate)
        .build();
  }
}
