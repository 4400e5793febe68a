package io.paymentnotifier.devstack.bench;

import io.paymentnotifier.devstack.stack.Percentiles;
import io.paymentnotifier.devstack.stack.TerminalRecords;
import io.paymentnotifier.publish.EventPublisher;
import io.paymentnotifier.publish.Pacer;
import io.paymentnotifier.publish.PaymentSamples;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One measured phase of the benchmark: publish a number of events at a rate (0: as fast as
 * possible) and wait until each has its terminal record; throughput and event-to-done latency come
 * from the done topic.
 */
public final class LoadPhase {

  private static final Duration POLL = Duration.ofMillis(100);
  private static final int BATCH = 500;

  /**
   * What a phase measured.
   *
   * @param events events published
   * @param finished terminal records read (equals events unless the phase timed out)
   * @param seconds from the first publish to the last terminal record
   * @param perSecond terminal records per second over that time
   * @param p50Ms event-to-done latency, median
   * @param p99Ms event-to-done latency, 99th percentile
   */
  public record Result(
      long events, long finished, double seconds, double perSecond, long p50Ms, long p99Ms) {}

  private LoadPhase() {}

  /** Runs the phase; {@code tracker} must watch only what arrives from now on. */
  public static Result run(
      final EventPublisher publisher,
      final Supplier<TerminalRecords> tracker,
      final PaymentSamples samples,
      final long events,
      final double rate,
      final Duration timeout) {
    try (TerminalRecords terminals = tracker.get()) {
      final Pacer pacer = new Pacer(rate);
      final long started = System.nanoTime();
      final long deadline = started + timeout.toNanos();
      long sent = 0;
      while (terminals.terminals() < events && System.nanoTime() < deadline) {
        for (int i = 0; i < BATCH && sent < events; i++, sent++) {
          pacer.await();
          publisher.send(samples.next(sent));
        }
        publisher.flush();
        terminals.poll(sent < events ? Duration.ZERO : POLL);
      }
      final TerminalRecords.Tally tally = terminals.tally();
      final double seconds = Math.max(1e-3, (tally.lastReadNanos() - started) / 1e9);
      final Percentiles latency = new Percentiles(tally.doneLatenciesMs());
      return new Result(
          events,
          terminals.terminals(),
          seconds,
          terminals.terminals() / seconds,
          latency.at(50),
          latency.at(99));
    }
  }
}
