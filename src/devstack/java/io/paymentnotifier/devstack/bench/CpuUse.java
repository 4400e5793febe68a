package io.paymentnotifier.devstack.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * A reading of this JVM's CPU clocks; two readings give how busy the cores were in between, and how
 * much of that was the JIT compiler (which a benchmark must not count as steady state).
 */
public final class CpuUse {

  private static final com.sun.management.OperatingSystemMXBean OS =
      ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  private final long wallNanos;
  private final long processCpuNanos;
  private final long compileMillis;

  private CpuUse(final long wallNanos, final long processCpuNanos, final long compileMillis) {
    this.wallNanos = wallNanos;
    this.processCpuNanos = processCpuNanos;
    this.compileMillis = compileMillis;
  }

  /**
   * CPU use over an interval, as fractions of all the machine's cores.
   *
   * @param process every thread of this JVM
   * @param jitCompiler the JIT compiler threads alone
   */
  public record Share(double process, double jitCompiler) {}

  /** The clocks now. */
  public static CpuUse now() {
    return new CpuUse(
        System.nanoTime(),
        OS.getProcessCpuTime(),
        JIT != null && JIT.isCompilationTimeMonitoringSupported()
            ? JIT.getTotalCompilationTime()
            : 0);
  }

  /** The share of all cores used between {@code earlier} and this reading. */
  public Share since(final CpuUse earlier) {
    final double capacityNanos =
        Math.max(1, wallNanos - earlier.wallNanos)
            * (double) Runtime.getRuntime().availableProcessors();
    return new Share(
        (processCpuNanos - earlier.processCpuNanos) / capacityNanos,
        TimeUnit.MILLISECONDS.toNanos(compileMillis - earlier.compileMillis) / capacityNanos);
  }
}
