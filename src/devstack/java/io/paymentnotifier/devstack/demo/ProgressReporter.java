package io.paymentnotifier.devstack.demo;

import java.io.PrintWriter;

/**
 * Shows how far a run is: a redrawn progress bar on a terminal, a plain line every few seconds
 * otherwise (logs and CI output stay readable).
 */
public final class ProgressReporter {

  private static final int BAR_WIDTH = 30;
  private static final long PLAIN_EVERY_NANOS = 2_000_000_000L;

  private final PrintWriter out;
  private final boolean terminal;
  private final long total;
  private final long started = System.nanoTime();
  private long lastPlainLine;

  /**
   * @param out where to write
   * @param terminal whether {@code out} is an interactive terminal (a bar is redrawn in place)
   * @param total the count that means done
   */
  public ProgressReporter(final PrintWriter out, final boolean terminal, final long total) {
    this.out = out;
    this.terminal = terminal;
    this.total = total;
  }

  /** Reports the counts now; on a plain stream only every few seconds. */
  public void update(final long published, final long done, final long deadLettered) {
    final long now = System.nanoTime();
    final long finished = done + deadLettered;
    final double seconds = (now - started) / 1e9;
    if (terminal) {
      final int filled = (int) (BAR_WIDTH * Math.min(1.0, finished / (double) total));
      out.printf(
          "\r[%s%s] %d/%d  done %d  dlq %d  published %d  %.0fs ",
          "#".repeat(filled),
          " ".repeat(BAR_WIDTH - filled),
          finished,
          total,
          done,
          deadLettered,
          published,
          seconds);
      out.flush();
    } else if (now - lastPlainLine >= PLAIN_EVERY_NANOS || finished >= total) {
      lastPlainLine = now;
      out.printf(
          "progress: %d/%d finished (done %d, dlq %d), %d published, %.0f s%n",
          finished, total, done, deadLettered, published, seconds);
      out.flush();
    }
  }

  /** Ends the bar's line. */
  public void finish() {
    if (terminal) {
      out.println();
      out.flush();
    }
  }
}
