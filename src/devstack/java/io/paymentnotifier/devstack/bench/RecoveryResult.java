package io.paymentnotifier.devstack.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What {@code bench --recovery} measured and checked.
 *
 * @param history payments notified before the kill
 * @param lostDisk whether the child restarted on an empty state directory
 * @param historyPerSecond notifications per second while the history was built
 * @param killToReadySeconds from SIGKILL to {@code /health/ready} answering 200
 * @param killToFirstNewDoneSeconds from SIGKILL to the first done record of an event published
 *     after it
 * @param restoredRecords changelog records the restarted child restored
 * @param restoreSeconds the time it spent restoring, summed over store partitions
 * @param restoreWallSeconds from its first store restore starting to its last finishing
 * @param changelogBytesAtKill the changelog topics before the kill
 * @param events events published in all (history and load)
 * @param localStateBytes the state directory after the final graceful stop (memtables flushed), for
 *     all {@code events}
 * @param changelogBytes the changelog topics at the end, for all {@code events}
 * @param eventsWithATerminalRecord distinct events with a done or DLQ record
 * @param eventsWithSeveralTerminalRecords events with more than one (must be 0)
 * @param storesWiped whether a log said a task's stores were wiped (TaskCorruptedException)
 */
public record RecoveryResult(
    long history,
    boolean lostDisk,
    double historyPerSecond,
    double killToReadySeconds,
    double killToFirstNewDoneSeconds,
    long restoredRecords,
    double restoreSeconds,
    double restoreWallSeconds,
    long changelogBytesAtKill,
    long events,
    long localStateBytes,
    long changelogBytes,
    long eventsWithATerminalRecord,
    long eventsWithSeveralTerminalRecords,
    boolean storesWiped) {

  /** Exactly one terminal record per event. */
  boolean exactlyOnce() {
    return eventsWithATerminalRecord == events && eventsWithSeveralTerminalRecords == 0;
  }

  void print(final PrintWriter out) {
    out.printf(
        "Recovery after SIGKILL, history %,d payments%s%n",
        history, lostDisk ? ", state directory lost" : "");
    out.printf("  kill -> RUNNING (/health/ready)      %6.2f s%n", killToReadySeconds);
    out.printf("  kill -> first new done record        %6.2f s%n", killToFirstNewDoneSeconds);
    out.printf(
        "  records restored                     %,d in %.2f s (%.2f s summed over store"
            + " partitions)%n",
        restoredRecords, restoreWallSeconds, restoreSeconds);
    out.printf(
        "  state at the end                     %,d bytes local, %,d bytes changelog"
            + " (%.0f and %.0f per payment)%n",
        localStateBytes,
        changelogBytes,
        localStateBytes / (double) events,
        changelogBytes / (double) events);
    out.printf(
        "  terminal records                     %,d of %,d events, %d doubled%s%n",
        eventsWithATerminalRecord,
        events,
        eventsWithSeveralTerminalRecords,
        exactlyOnce() ? " (exactly once)" : " (NOT exactly once)");
    out.printf("  stores wiped (TaskCorruptedException) %s%n", storesWiped ? "yes" : "no");
    out.flush();
  }

  void writeJson(final Path file) throws IOException {
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
  }
}
