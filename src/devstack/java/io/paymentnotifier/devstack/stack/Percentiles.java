package io.paymentnotifier.devstack.stack;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of a set of measurements. */
public final class Percentiles {

  private final long[] sorted;

  public Percentiles(final Collection<Long> values) {
    this.sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  /** The value at or below which {@code percent} % of the measurements lie; 0 when none. */
  public long at(final double percent) {
    if (sorted.length == 0) {
      return 0;
    }
    final int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  /** How many measurements there are. */
  public int count() {
    return sorted.length;
  }

  @Override
  public String toString() {
    return Arrays.toString(new long[] {at(50), at(95), at(99)});
  }
}
