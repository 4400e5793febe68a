package io.paymentnotifier.devstack.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the JVM's used heap every 100 ms and keeps the peak. */
public final class HeapSampler implements AutoCloseable {

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peak = new AtomicLong();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            final Thread thread = new Thread(task, "heap-sampler");
            thread.setDaemon(true);
            return thread;
          });

  /** Starts sampling. */
  public HeapSampler() {
    timer.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
  }

  private void sample() {
    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
  }

  /** The highest used heap seen, in MiB. */
  public long peakMiB() {
    sample();
    return peak.get() / (1024 * 1024);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
