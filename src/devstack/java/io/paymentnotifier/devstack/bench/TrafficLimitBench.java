package io.paymentnotifier.devstack.bench;

import io.paymentnotifier.devstack.stack.TerminalRecords;
import io.paymentnotifier.notify.HostState;
import io.paymentnotifier.notify.HostStatus;
import io.paymentnotifier.simulator.Latency;
import io.paymentnotifier.simulator.SimulatorFaults;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench --traffic-limit-rate SHARE}: half the events with a well-behaved Alipay+, the other
 * half with REQUEST_TRAFFIC_EXCEED_LIMIT answered to that share of the calls. Compares the call
 * rates the simulator saw and shows the rate overload control permitted meanwhile.
 */
final class TrafficLimitBench {

  private static final String CODE = "REQUEST_TRAFFIC_EXCEED_LIMIT";
  private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(20);

  /**
   * What the run measured (the JSON of --summary-json).
   *
   * @param events events published in all, half per phase
   * @param limitedShare the share of calls answered with the traffic limit in the second phase
   * @param freeRequestsPerSecond requests per second the simulator saw in the first phase
   * @param limitedRequestsPerSecond the same in the second phase
   * @param permittedLowest lowest permitted rate seen while the host was limited
   * @param permittedMedian median permitted rate seen while it was limited
   * @param trafficLimited requests answered with the traffic limit
   * @param done done records
   * @param deadLetters DLQ records
   * @param lost events without a terminal record
   * @param repeated payments with more than one terminal record
   */
  record Result(
      long events,
      double limitedShare,
      double freeRequestsPerSecond,
      double limitedRequestsPerSecond,
      double permittedLowest,
      double permittedMedian,
      long trafficLimited,
      long done,
      long deadLetters,
      long lost,
      long repeated) {

    boolean allDone() {
      return done == events && deadLetters == 0 && lost == 0 && repeated == 0;
    }

    void print(final PrintWriter out) {
      out.printf(
          "Traffic limits: %d events, the second half with %s on %.0f%% of the calls%n",
          events, CODE, 100 * limitedShare);
      out.printf(
          "  call rate                    %.0f requests/s without limits, %.0f with them (%.0f%%)%n",
          freeRequestsPerSecond,
          limitedRequestsPerSecond,
          100 * limitedRequestsPerSecond / freeRequestsPerSecond);
      out.printf(
          "  permitted rate while limited median %.1f/s, lowest %.1f/s; %d calls limited%n",
          permittedMedian, permittedLowest, trafficLimited);
      out.printf(
          "  payments                     %d done, %d dead-lettered, %d lost, %d repeated%n",
          done, deadLetters, lost, repeated);
      out.flush();
    }
  }

  private final PrintWriter out;
  private final long events;
  private final Duration latency;
  private final double share;

  TrafficLimitBench(
      final PrintWriter out, final long events, final Duration latency, final double share) {
    this.out = out;
    this.events = events;
    this.latency = latency;
    this.share = share;
  }

  Result run() throws InterruptedException {
    final SimulatorFaults faults =
        SimulatorFaults.builder().latency(Latency.fixed(latency)).build();
    out.println("Starting the embedded stack...");
    out.flush();
    try (OverloadStack rig = OverloadStack.start("bench-limits", faults);
        TerminalRecords terminals = rig.terminals()) {
      final long half = events / 2;
      final double free = phase(rig, terminals, half, new ArrayList<>());
      out.printf("  without limits: %.0f requests/s%n", free);
      out.flush();
      rig.stack().simulator().faults(faults.toBuilder().failCode(CODE, share).build());
      final List<Double> permitted = new ArrayList<>();
      final double limited = phase(rig, terminals, events - half, permitted);
      terminals.poll(Duration.ofSeconds(2));
      return result(rig, terminals.tally(), free, limited, permitted);
    }
  }

  private Result result(
      final OverloadStack rig,
      final TerminalRecords.Tally tally,
      final double free,
      final double limited,
      final List<Double> permitted) {
    permitted.sort(Double::compare);
    return new Result(
        events,
        share,
        free,
        limited,
        permitted.isEmpty() ? 0 : permitted.get(0),
        permitted.isEmpty() ? 0 : permitted.get(permitted.size() / 2),
        rig.stack().simulator().stats().answered("F " + CODE),
        tally.done(),
        tally.deadLetters(),
        tally.missing(rig.ids()),
        tally.duplicated());
  }

  /** A backlog of {@code count} events to its end: requests per second the simulator saw. */
  private static double phase(
      final OverloadStack rig,
      final TerminalRecords terminals,
      final long count,
      final List<Double> permitted)
      throws InterruptedException {
    final long target = terminals.terminals() + count;
    final long requestsBefore = rig.stack().simulator().stats().totalRequests();
    final long start = System.nanoTime();
    final Thread publisher = rig.publish(count, 0);
    final long deadline = start + PHASE_TIMEOUT.toNanos();
    while (terminals.terminals() < target && System.nanoTime() < deadline) {
      terminals.poll(Duration.ofMillis(250));
      final HostStatus host = rig.host();
      if (host.state() == HostState.LIMITED) {
        permitted.add(host.permittedRate());
      }
    }
    publisher.join();
    final double seconds = (System.nanoTime() - start) / 1e9;
    return (rig.stack().simulator().stats().totalRequests() - requestsBefore) / seconds;
  }
}
