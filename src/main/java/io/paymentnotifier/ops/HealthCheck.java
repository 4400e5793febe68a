package io.paymentnotifier.ops;

import io.paymentnotifier.notify.HostStatus;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;

/**
 * Maps the Kafka Streams state to liveness and readiness, as Kubernetes probes read them.
 *
 * <p>Liveness fails only when a restart can help: Streams is in ERROR or PENDING_ERROR, or a
 * running client has no stream thread left. Readiness needs RUNNING; REBALANCING counts as ready
 * once the client has been RUNNING, so a routine rebalance does not take every pod out of service
 * at once.
 *
 * <p>An Alipay+ host that overload control finds unavailable changes neither verdict, only the
 * readiness detail: a restart would not bring Alipay+ back, and an instance that holds its calls
 * back (and probes) is doing what it should, so taking it out of service helps nobody.
 */
public final class HealthCheck implements KafkaStreams.StateListener {

  private final StreamsStatus streams;
  private final Supplier<List<HostStatus>> alipayHosts;
  private final AtomicBoolean hasBeenRunning = new AtomicBoolean();

  public HealthCheck(final StreamsStatus streams) {
    this(streams, List::of);
  }

  /** With the Alipay+ hosts of the overload control, for the readiness detail. */
  public HealthCheck(final StreamsStatus streams, final Supplier<List<HostStatus>> alipayHosts) {
    this.streams = streams;
    this.alipayHosts = alipayHosts;
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
    if (state == State.RUNNING || (state == State.REBALANCING && hasBeenRunning.get())) {
      return new Verdict(true, state, alipayDetail());
    }
    return Verdict.down(state, "Kafka Streams is " + state + ", not yet RUNNING");
  }

  /** "ok", or which Alipay+ hosts are unavailable and since when. */
  private String alipayDetail() {
    final List<String> failing =
        alipayHosts.get().stream()
            .filter(host -> host.state().failing())
            .map(host -> host.host() + " (" + host.state().label() + " since " + host.since() + ")")
            .toList();
    if (failing.isEmpty()) {
      return "ok";
    }
    return "Alipay+ unavailable: "
        + String.join(", ", failing)
        + "; new calls are held back and the host is probed, nothing is lost";
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
