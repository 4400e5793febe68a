package io.paymentnotifier.devstack.bench;

import io.paymentnotifier.config.Durations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The bench modes that measure overload control: an Alipay+ outage during a run ({@code
 * --outage-after}, {@code --outage-for}) or traffic limits on a share of the calls ({@code
 * --traffic-limit-rate}). Options of {@code bench}.
 */
public final class OverloadModes {

  @Option(
      names = "--outage-after",
      paramLabel = "DURATION",
      description =
          "Instead of throughput: Alipay+ answers HTTP 503 to every call from this long after the"
              + " first event of --events, for --outage-for; report the requests into the outage,"
              + " the calls held back, dead letters, lost and repeated payments, and the time back"
              + " to the throughput before it.")
  String outageAfter;

  @Option(
      names = "--outage-for",
      paramLabel = "DURATION",
      defaultValue = "60s",
      description = "--outage-after: how long the outage lasts (${DEFAULT-VALUE}).")
  String outageFor;

  @Option(
      names = "--traffic-limit-rate",
      paramLabel = "SHARE",
      description =
          "Instead of throughput: half of --events with a well-behaved Alipay+, the other half with"
              + " REQUEST_TRAFFIC_EXCEED_LIMIT answered to this share of the calls; report both"
              + " call rates and the permitted rate.")
  Double trafficLimitRate;

  @Option(
      names = "--publish-rate",
      defaultValue = "250",
      description =
          "--outage-after: events per second published (${DEFAULT-VALUE}: 20,000 events span a"
              + " 60 s outage after 20 s; 0: all at once, a backlog, which may be done before the"
              + " outage begins).")
  double publishRate;

  /** Whether one of these modes was asked for. */
  boolean selected() {
    return outageAfter != null || trafficLimitRate != null;
  }

  /** Problems with the options, or null. */
  String problem() {
    if (outageAfter != null && trafficLimitRate != null) {
      return "--outage-after and --traffic-limit-rate are separate runs: choose one";
    }
    if (trafficLimitRate != null && !(trafficLimitRate > 0 && trafficLimitRate <= 1)) {
      return "--traffic-limit-rate must be above 0 and at most 1, was " + trafficLimitRate;
    }
    if (publishRate < 0) {
      return "--publish-rate must not be negative, was " + publishRate;
    }
    return outageAfter == null ? null : outageProblem();
  }

  private String outageProblem() {
    try {
      Durations.parse(outageAfter);
      return Durations.parse(outageFor).isZero() ? "--outage-for must be longer than 0" : null;
    } catch (IllegalArgumentException e) {
      return "--outage-after / --outage-for: " + e.getMessage();
    }
  }

  /** Runs the selected mode on a fresh embedded stack; 0 when every payment ended done once. */
  int run(final PrintWriter out, final long events, final long latencyMs, final Path summaryJson)
      throws Exception {
    final Duration latency = Duration.ofMillis(latencyMs);
    if (trafficLimitRate != null) {
      final TrafficLimitBench.Result result =
          new TrafficLimitBench(out, events, latency, trafficLimitRate).run();
      result.print(out);
      if (summaryJson != null) {
        BenchJson.write(summaryJson, result);
      }
      return result.allDone() ? 0 : 1;
    }
    final OutageBench.Plan plan =
        new OutageBench.Plan(
            events, publishRate, latency, Durations.parse(outageAfter), Durations.parse(outageFor));
    final OutageBench.Result result = new OutageBench(out, plan).run();
    result.print(out);
    if (summaryJson != null) {
      BenchJson.write(summaryJson, result);
    }
    return result.allDoneOnce() ? 0 : 1;
  }
}
