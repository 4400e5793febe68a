package io.paymentnotifier.devstack.bench;

import io.paymentnotifier.notify.HostState;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** What a bench run saw every quarter of a second: done records so far and the host's state. */
final class Timeline {

  /** One look, {@code seconds} after the run began. */
  record Sample(double seconds, long done, HostState state) {}

  private final long startNanos;
  private final List<Sample> samples = new ArrayList<>();

  Timeline(final long startNanos) {
    this.startNanos = startNanos;
  }

  void sample(final long done, final HostState state) {
    samples.add(new Sample((System.nanoTime() - startNanos) / 1e9, done, state));
  }

  /** Done records per second between two moments of the run (by the nearest samples). */
  double donePerSecond(final double from, final double to) {
    final Sample first = at(from);
    final Sample last = at(to);
    final double seconds = last.seconds() - first.seconds();
    return seconds <= 0 ? 0 : (last.done() - first.done()) / seconds;
  }

  /**
   * Seconds after {@code from} until a one-second window first reaches {@code level} done records
   * per second; empty when none did.
   */
  OptionalDouble reached(final double from, final double level) {
    for (final Sample sample : samples) {
      if (sample.seconds() >= from
          && donePerSecond(sample.seconds(), sample.seconds() + 1) >= level) {
        return OptionalDouble.of(sample.seconds() - from);
      }
    }
    return OptionalDouble.empty();
  }

  /** Seconds after {@code from} until the host was first seen failing or not, as asked. */
  OptionalDouble firstSeen(final double from, final boolean failing) {
    return samples.stream()
        .filter(s -> s.seconds() >= from && s.state().failing() == failing)
        .mapToDouble(s -> s.seconds() - from)
        .findFirst();
  }

  /** The last sample at or before the moment, else the first one. */
  private Sample at(final double seconds) {
    Sample found = samples.get(0);
    for (final Sample sample : samples) {
      if (sample.seconds() > seconds) {
        break;
      }
      found = sample;
    }
    return found;
  }
}
