package io.paymentnotifier.ops;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;

/**
 * Maps the Kafka Streams state to liveness and readiness, as Kubernetes probes read them.
 *
 * <p>Liveness fails only when a restart can help: Streams is in ERROR or PENDING_ERROR, or a
 * running client has no stream thread left. Readiness needs RUNNING; REBALANCING counts as ready
 * once the client has been RUNNING, so a routine rebalance does not take every pod out of service
 * at once.
 */
public final class HealthCheck implements KafkaStreams.StateListener {

  private final StreamsStatus streams;
  private final AtomicBoolean hasBeenRunning = new AtomicBoolean();

  public HealthCheck(final StreamsStatus streams) {
    this.streams = streams;
  }

  /** Whether the process is worth keeping: 200 on /health/live when up. */
  public Verdict liveness() {
    final State state = observedState();
    if (state == State.ERROR || state == State.PENDING_ERROR) {
      return Verdict.down(state, "Kafka Streams is in " + state);
    }
    if ((state == State.RUNNING || state == State.REBALANCING)
        && streams.liveStreamThreads() == 0) {
      return Verdict.down(state, "no stream thread is alive");
    }
    return Verdict.up(state);
  }

  /** Whether the instance does its share of the work: 200 on /health/ready when up. */
  public Verdict readiness() {
    final State state = observedState();
    if (state == State.RUNNING) {
      return Verdict.up(state);
    }
    if (state == State.REBALANCING && hasBeenRunning.get()) {
      return Verdict.up(state);
    }
    return Verdict.down(state, "Kafka Streams is " + state + ", not yet RUNNING");
  }

  /** Catches RUNNING even when no probe happens to ask while it lasts. */
  @Override
  public void onChange(final State newState, final State oldState) {
    remember(newState);
  }

  private State observedState() {
    final State state = streams.state();
    remember(state);
    return state;
  }

  private void remember(final State state) {
    if (state == State.RUNNING) {
      hasBeenRunning.set(true);
    }
  }

  /**
   * One probe's answer.
   *
   * @param up whether the probe passes
   * @param state the Kafka Streams state seen
   * @param detail why it fails, or "ok"
   */
  public record Verdict(boolean up, State state, String detail) {

    static Verdict up(final State state) {
      return new Verdict(true, state, "ok");
    }

    static Verdict down(final State state, final String detail) {
      return new Verdict(false, state, detail);
    }
  }
}
