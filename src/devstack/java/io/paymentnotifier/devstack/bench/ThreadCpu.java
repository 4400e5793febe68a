package io.paymentnotifier.devstack.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A reading of the CPU time of every thread of this JVM: Java threads through the ThreadMXBean
 * (full names), the GC and JIT compiler threads, which Java does not list, from {@code
 * /proc/self/task} on Linux. Two readings give the CPU time each {@link CpuGroup} used in between.
 */
final class ThreadCpu {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
  private static final Path TASKS = Path.of("/proc/self/task");

  /** Linux reports thread times in clock ticks of USER_HZ, 100 per second on every platform. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  /** A thread's name and the CPU time it has used so far. */
  private record Clock(String name, long cpuNanos) {}

  private final long wallNanos;
  private final long processCpuNanos;
  private final Map<Long, Clock> javaThreads;
  private final Map<String, Clock> nativeThreads;

  private ThreadCpu(
      final long wallNanos,
      final long processCpuNanos,
      final Map<Long, Clock> javaThreads,
      final Map<String, Clock> nativeThreads) {
    this.wallNanos = wallNanos;
    this.processCpuNanos = processCpuNanos;
    this.javaThreads = javaThreads;
    this.nativeThreads = nativeThreads;
  }

  /** The clocks now. */
  static ThreadCpu now() {
    if (THREADS.isThreadCpuTimeSupported() && !THREADS.isThreadCpuTimeEnabled()) {
      THREADS.setThreadCpuTimeEnabled(true);
    }
    final long[] ids = THREADS.getAllThreadIds();
    final long[] cpu = THREADS.getThreadCpuTime(ids);
    final ThreadInfo[] infos = THREADS.getThreadInfo(ids);
    final Map<Long, Clock> java = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (infos[i] != null && cpu[i] >= 0) {
        java.put(ids[i], new Clock(infos[i].getThreadName(), cpu[i]));
      }
    }
    return new ThreadCpu(System.nanoTime(), OS.getProcessCpuTime(), java, nativeJvmThreads());
  }

  /**
   * The CPU time of each group between {@code earlier} and this reading; a thread started in
   * between counts from zero, one that ended is left to {@link CpuGroup#OTHER}.
   */
  Map<CpuGroup, Long> since(final ThreadCpu earlier, final String notifierApplicationId) {
    final Map<CpuGroup, Long> nanos = new EnumMap<>(CpuGroup.class);
    for (final CpuGroup group : CpuGroup.values()) {
      nanos.put(group, 0L);
    }
    javaThreads.forEach(
        (id, now) ->
            nanos.merge(
                CpuGroup.ofJavaThread(now.name(), notifierApplicationId),
                now.cpuNanos() - cpuBefore(earlier.javaThreads.get(id)),
                Long::sum));
    nativeThreads.forEach(
        (tid, now) ->
            nanos.merge(
                CpuGroup.ofNativeThread(now.name()),
                now.cpuNanos() - cpuBefore(earlier.nativeThreads.get(tid)),
                Long::sum));
    final long attributed = nanos.values().stream().mapToLong(Long::longValue).sum();
    nanos.put(CpuGroup.OTHER, Math.max(0, processCpuNanos - earlier.processCpuNanos - attributed));
    return nanos;
  }

  /** Wall-clock nanoseconds between {@code earlier} and this reading. */
  long wallNanosSince(final ThreadCpu earlier) {
    return wallNanos - earlier.wallNanos;
  }

  private static long cpuBefore(final Clock before) {
    return before == null ? 0 : before.cpuNanos();
  }

  /** GC and JIT compiler threads by Linux thread id; empty where there is no /proc. */
  private static Map<String, Clock> nativeJvmThreads() {
    final Map<String, Clock> threads = new HashMap<>();
    if (!Files.isDirectory(TASKS)) {
      return threads;
    }
    try (Stream<Path> tasks = Files.list(TASKS)) {
      tasks.forEach(
          task -> {
            final Clock clock = readStat(task.resolve("stat"));
            if (clock != null && CpuGroup.ofNativeThread(clock.name()) != null) {
              threads.put(task.getFileName().toString(), clock);
            }
          });
    } catch (IOException e) {
      // A thread list that cannot be read leaves GC and JIT time to OTHER.
    }
    return threads;
  }

  /** The name and utime + stime of one {@code /proc/<pid>/task/<tid>/stat}, or null. */
  private static Clock readStat(final Path stat) {
    try {
      final String line = Files.readString(stat);
      // "tid (name) state ..."; the name may hold spaces and parentheses, so the last ')' ends it.
      final int open = line.indexOf('(');
      final int close = line.lastIndexOf(')');
      final String[] fields = line.substring(close + 2).split(" ");
      // After the name: state is field 3 of stat(5), utime 14 and stime 15.
      final long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return new Clock(line.substring(open + 1, close), ticks * NANOS_PER_TICK);
    } catch (IOException | RuntimeException e) {
      // The thread ended between the listing and the read.
      return null;
    }
  }
}
