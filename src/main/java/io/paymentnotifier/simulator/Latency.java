package io.paymentnotifier.simulator;

import io.paymentnotifier.config.Durations;
import java.time.Duration;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * How long the simulator waits before answering: none, fixed, uniform between two bounds, or a long
 * tail (log-normal with the given median and 99th percentile, capped at ten times the p99).
 *
 * @param shape the distribution
 * @param first fixed value, uniform minimum, or long-tail median
 * @param second uniform maximum or long-tail p99; zero otherwise
 */
public record Latency(Shape shape, Duration first, Duration second) {

  /** The distributions on offer. */
  public enum Shape {
    NONE,
    FIXED,
    UNIFORM,
    LONG_TAIL
  }

  /** z-score of the 99th percentile of a standard normal distribution. */
  private static final double Z_99 = 2.326;

  /** Answers at once. */
  public static Latency none() {
    return new Latency(Shape.NONE, Duration.ZERO, Duration.ZERO);
  }

  /** Always this delay. */
  public static Latency fixed(final Duration delay) {
    return new Latency(Shape.FIXED, delay, Duration.ZERO);
  }

  /** Uniformly between min and max. */
  public static Latency uniform(final Duration min, final Duration max) {
    if (max.compareTo(min) < 0) {
      throw new IllegalArgumentException("uniform latency: max " + max + " is below min " + min);
    }
    return new Latency(Shape.UNIFORM, min, max);
  }

  /** Mostly near the median, sometimes far slower: log-normal with this median and p99. */
  public static Latency longTail(final Duration median, final Duration p99) {
    if (median.isZero() || p99.compareTo(median) < 0) {
      throw new IllegalArgumentException("long-tail latency needs 0 < median <= p99");
    }
    return new Latency(Shape.LONG_TAIL, median, p99);
  }

  /**
   * Reads {@code 0}, {@code 50ms}, {@code uniform:10ms-80ms} or {@code longtail:20ms-500ms} (the
   * latter two: min-max, median-p99).
   */
  public static Latency parse(final String text) {
    final String spec = text.trim().toLowerCase(Locale.ROOT);
    if (spec.equals("0") || spec.equals("none")) {
      return none();
    }
    final int colon = spec.indexOf(':');
    if (colon < 0) {
      return fixed(Durations.parse(spec));
    }
    final String[] bounds = spec.substring(colon + 1).split("-", 2);
    if (bounds.length != 2) {
      throw new IllegalArgumentException("'" + text + "': write e.g. uniform:10ms-80ms");
    }
    final Duration a = Durations.parse(bounds[0]);
    final Duration b = Durations.parse(bounds[1]);
    return switch (spec.substring(0, colon)) {
      case "uniform" -> uniform(a, b);
      case "longtail", "long-tail" -> longTail(a, b);
      default ->
          throw new IllegalArgumentException("'" + text + "': the shape is uniform or longtail");
    };
  }

  /** One delay drawn from the distribution. */
  public Duration sample(final RandomGenerator random) {
    return switch (shape) {
      case NONE -> Duration.ZERO;
      case FIXED -> first;
      case UNIFORM ->
          Duration.ofNanos(
              first.toNanos()
                  + (long) (random.nextDouble() * (second.toNanos() - first.toNanos())));
      case LONG_TAIL -> longTailSample(random);
    };
  }

  private Duration longTailSample(final RandomGenerator random) {
    final double sigma = Math.log((double) second.toNanos() / first.toNanos()) / Z_99;
    final double nanos = first.toNanos() * Math.exp(sigma * random.nextGaussian());
    return Duration.ofNanos((long) Math.min(nanos, 10.0 * second.toNanos()));
  }
}
