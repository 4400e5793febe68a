package io.paymentnotifier.devstack.bench;

import java.io.PrintWriter;
import java.util.List;

/**
 * One target of the bench (issue 13: one run on 2 cores, broker, registry and simulator in the same
 * JVM) and whether this run met it.
 *
 * @param name the figure's JSON name
 * @param figure what the figure is, as the summary prints it
 * @param value the figure
 * @param comparison {@code >=} or {@code <=}
 * @param bound the target
 * @param met whether the figure meets the target
 */
public record BenchTarget(
    String name, String figure, double value, String comparison, double bound, boolean met) {

  /** A figure that must reach {@code bound}. */
  static BenchTarget atLeast(
      final String name, final String figure, final double value, final double bound) {
    return new BenchTarget(name, figure, value, ">=", bound, value >= bound);
  }

  /** A figure that must stay within {@code bound}. */
  static BenchTarget atMost(
      final String name, final String figure, final double value, final double bound) {
    return new BenchTarget(name, figure, value, "<=", bound, value <= bound);
  }

  /** One line per target: figure, value, target, met or not. */
  static void print(final PrintWriter out, final List<BenchTarget> targets) {
    out.println("  targets:");
    for (final BenchTarget target : targets) {
      out.printf(
          "    %-58s = %8s (target %s %s): %s%n",
          target.figure(),
          format(target.value()),
          target.comparison(),
          format(target.bound()),
          target.met() ? "met" : "NOT met");
    }
  }

  private static String format(final double value) {
    if (Math.abs(value) >= 10) {
      return String.format("%.1f", value);
    }
    return String.format("%.2f", value);
  }
}
