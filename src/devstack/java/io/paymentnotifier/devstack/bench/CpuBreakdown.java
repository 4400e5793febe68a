package io.paymentnotifier.devstack.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the JVM's CPU went during one throughput reading, by {@link CpuGroup}, per notification.
 *
 * @param notifications terminal records of the reading
 * @param simulatorRequests notifyPayment requests the simulator received meanwhile
 * @param seconds wall-clock length of the reading
 * @param groups the CPU time of each group, in the order of {@link CpuGroup}
 */
public record CpuBreakdown(
    long notifications, long simulatorRequests, double seconds, List<Group> groups) {

  /**
   * One group's CPU time.
   *
   * @param group what the threads work for
   * @param notifierOwn whether it counts as the notifier's own work per notification
   * @param cpuSeconds CPU time during the reading
   * @param msPerNotification CPU milliseconds per notification
   * @param shareOfCores CPU time over the wall-clock time of all cores
   */
  public record Group(
      String group,
      boolean notifierOwn,
      double cpuSeconds,
      double msPerNotification,
      double shareOfCores) {}

  /** The breakdown of these CPU times over {@code wallNanos} on {@code cores} cores. */
  static CpuBreakdown of(
      final Map<CpuGroup, Long> cpuNanos,
      final long wallNanos,
      final long notifications,
      final long simulatorRequests,
      final int cores) {
    final List<Group> groups = new ArrayList<>();
    cpuNanos.forEach(
        (group, nanos) ->
            groups.add(
                new Group(
                    group.label(),
                    group.notifierOwn(),
                    nanos / 1e9,
                    nanos / 1e6 / Math.max(1, notifications),
                    nanos / ((double) Math.max(1, wallNanos) * cores))));
    return new CpuBreakdown(notifications, simulatorRequests, wallNanos / 1e9, List.copyOf(groups));
  }

  /** CPU of the notifier's stream, signer and HTTP I/O threads per notification, in ms. */
  @JsonProperty("notifierMsPerNotification")
  public double notifierMsPerNotification() {
    return groups.stream().filter(Group::notifierOwn).mapToDouble(Group::msPerNotification).sum();
  }

  /** CPU of the simulator's threads per request it received, in ms. */
  @JsonProperty("simulatorMsPerRequest")
  public double simulatorMsPerRequest() {
    return groups.stream()
            .filter(g -> g.group().equals(CpuGroup.SIMULATOR.label()))
            .mapToDouble(Group::cpuSeconds)
            .sum()
        * 1e3
        / Math.max(1, simulatorRequests);
  }

  /** The table, each group's CPU per notification and share of the cores. */
  void print(final PrintWriter out, final String reading) {
    out.printf(
        "  CPU by thread group during %s (%d notifications, %d simulator requests, %.1f s):%n",
        reading, notifications, simulatorRequests, seconds);
    for (final Group group : groups) {
      out.printf(
          "    %-48s %7.3f ms/notification %4.0f%% of the cores%n",
          (group.notifierOwn() ? "* " : "  ") + group.group(),
          group.msPerNotification(),
          100 * group.shareOfCores());
    }
    out.printf(
        "    * the notifier's own: %.3f ms CPU per notification; the simulator: %.3f ms CPU per"
            + " request%n",
        notifierMsPerNotification(), simulatorMsPerRequest());
  }
}
