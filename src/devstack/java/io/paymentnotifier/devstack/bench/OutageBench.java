package io.paymentnotifier.devstack.bench;

import io.paymentnotifier.devstack.stack.TerminalRecords;
import io.paymentnotifier.simulator.Latency;
import io.paymentnotifier.simulator.Outage;
import io.paymentnotifier.simulator.SimulatorFaults;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * {@code bench --outage-after T --outage-for D}: events flow while Alipay+ answers HTTP 503 to
 * everything for a while. Counts what the failing host was sent and what the payments went through
 * (read back from the done and DLQ topics), and how soon the throughput before the outage came back
 * after it.
 */
final class OutageBench {

  /** Time given after the outage for the last retries to come due and end done. */
  private static final Duration AFTERMATH = Duration.ofMinutes(5);

  /** The throughput before the outage is taken over at most its last this many seconds. */
  private static final double BEFORE_WINDOW_SECONDS = 10;

  /** "Back to the level before" means a one-second window at this share of it. */
  static final double BACK_SHARE = 0.9;

  /**
   * What to run.
   *
   * @param events events published in all
   * @param publishRate events per second, 0 for a backlog at once
   * @param latency the simulator's answer delay
   * @param after when the outage starts, from the first event
   * @param length how long it lasts
   */
  record Plan(long events, double publishRate, Duration latency, Duration after, Duration length) {}

  /**
   * What the run measured (the JSON of --summary-json).
   *
   * @param events events published
   * @param outageAfterSeconds when the outage started, from the first event
   * @param outageForSeconds how long it lasted
   * @param requestsIntoOutage requests the simulator answered with the outage's HTTP 503
   * @param requests every request the simulator received
   * @param heldBack calls overload control held back instead of sending
   * @param unavailableAfterSeconds outage start to the host seen unavailable
   * @param availableAgainSeconds outage end to the host seen taking calls again
   * @param perSecondBefore done records per second before the outage
   * @param backSecondsAfterOutage outage end to a second at 90% of that; null when none came
   * @param done done records
   * @param deadLetters DLQ records
   * @param lost events without a terminal record
   * @param repeated payments with more than one terminal record
   * @param seconds first event to last terminal record
   */
  record Result(
      long events,
      double outageAfterSeconds,
      double outageForSeconds,
      long requestsIntoOutage,
      long requests,
      long heldBack,
      Double unavailableAfterSeconds,
      Double availableAgainSeconds,
      double perSecondBefore,
      Double backSecondsAfterOutage,
      long done,
      long deadLetters,
      long lost,
      long repeated,
      double seconds) {

    boolean allDoneOnce() {
      return done == events && deadLetters == 0 && lost == 0 && repeated == 0;
    }

    void print(final PrintWriter out) {
      out.printf(
          "Outage: %d events, Alipay+ answering HTTP 503 to everything from %.0f s for %.0f s%n",
          events, outageAfterSeconds, outageForSeconds);
      out.printf(
          "  requests into the outage     %d (of %d in all)%n", requestsIntoOutage, requests);
      out.printf("  calls held back              %d%n", heldBack);
      out.printf(
          "  host seen unavailable        %s after the outage began; available again %s after"
              + " it ended%n",
          seconds(unavailableAfterSeconds), seconds(availableAgainSeconds));
      out.printf(
          "  throughput before            %.0f done/s; back at %.0f%% of it %s after the outage%n",
          perSecondBefore, 100 * BACK_SHARE, seconds(backSecondsAfterOutage));
      out.printf(
          "  payments                     %d done, %d dead-lettered, %d lost, %d repeated (%.1f s)%n",
          done, deadLetters, lost, repeated, seconds);
      out.flush();
    }

    private static String seconds(final Double value) {
      return value == null ? "never" : String.format("%.1f s", value);
    }
  }

  private final PrintWriter out;
  private final Plan plan;

  OutageBench(final PrintWriter out, final Plan plan) {
    this.out = out;
    this.plan = plan;
  }

  Result run() throws InterruptedException {
    final SimulatorFaults faults =
        SimulatorFaults.builder().latency(Latency.fixed(plan.latency())).build();
    out.println("Starting the embedded stack...");
    out.flush();
    try (OverloadStack rig = OverloadStack.start("bench-outage", faults);
        TerminalRecords terminals = rig.terminals()) {
      final long start = System.nanoTime();
      rig.stack()
          .simulator()
          .faults(faults.toBuilder().outage(Outage.after(plan.after(), plan.length())).build());
      final Thread publisher = rig.publish(plan.events(), plan.publishRate());
      out.printf(
          "Publishing %d events; the outage begins in %d s%n",
          plan.events(), plan.after().toSeconds());
      out.flush();
      final Timeline timeline = watch(rig, terminals, start);
      publisher.join();
      return result(rig, terminals, timeline, (System.nanoTime() - start) / 1e9);
    }
  }

  private Timeline watch(
      final OverloadStack rig, final TerminalRecords terminals, final long start) {
    final Timeline timeline = new Timeline(start);
    final long deadline = start + plan.after().plus(plan.length()).plus(AFTERMATH).toNanos();
    while (terminals.terminals() < plan.events() && System.nanoTime() < deadline) {
      terminals.poll(Duration.ofMillis(250));
      timeline.sample(terminals.done(), rig.host().state());
    }
    terminals.poll(Duration.ofSeconds(2)); // anything repeated after the last one
    timeline.sample(terminals.done(), rig.host().state());
    return timeline;
  }

  private Result result(
      final OverloadStack rig,
      final TerminalRecords terminals,
      final Timeline timeline,
      final double seconds) {
    final double begins = plan.after().toMillis() / 1000.0;
    final double ends = begins + plan.length().toMillis() / 1000.0;
    final double before =
        timeline.donePerSecond(Math.max(0, begins - BEFORE_WINDOW_SECONDS), begins);
    final TerminalRecords.Tally tally = terminals.tally();
    final var stats = rig.stack().simulator().stats();
    return new Result(
        plan.events(),
        begins,
        ends - begins,
        stats.answered("HTTP 503"),
        stats.totalRequests(),
        rig.heldBack(),
        boxed(timeline.firstSeen(begins, true)),
        boxed(timeline.firstSeen(ends, false)),
        before,
        boxed(timeline.reached(ends, BACK_SHARE * before)),
        tally.done(),
        tally.deadLetters(),
        tally.missing(rig.ids()),
        tally.duplicated(),
        seconds);
  }

  private static Double boxed(final OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
