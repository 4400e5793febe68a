package io.paymentnotifier.dlq;

import io.paymentnotifier.events.NotifyAttempt;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Renders DLQ records for people: a table, one payment's attempt history, counts. */
public final class DlqReport {

  private static final String ROW = "%-34s %-22s %-26s %8s  %-24s %s%n";

  private DlqReport() {}

  /**
   * One line per record: paymentRequestId (control characters escaped, {@code -} when unknown),
   * reason, last result code, attempts, last failure time.
   */
  public static void table(final List<DlqRecord> records, final PrintWriter out) {
    out.printf(ROW, "KEY", "REASON", "LAST CODE", "ATTEMPTS", "LAST FAILURE", "DLQ RECORD");
    for (final DlqRecord r : records) {
      out.printf(
          ROW,
          r.paymentRequestId() == null ? "-" : Printable.text(r.paymentRequestId()),
          r.reason(),
          r.lastResultCode(),
          r.attempts(),
          time(r.lastFailureAt()),
          r.coordinates());
    }
    out.printf("%d record(s)%n", records.size());
  }

  /** Everything known about the records of one key, each attempt on its own line. */
  public static void history(
      final List<DlqRecord> records, final Map<String, String> replayed, final PrintWriter out) {
    for (final DlqRecord r : records) {
      out.printf("DLQ record %s  (dead-lettered %s)%n", r.coordinates(), time(r.timestamp()));
      if (r.letter() == null) {
        out.printf("  unreadable: %s%n", r.unreadable());
        continue;
      }
      out.printf("  reason:  %s — %s%n", r.reason(), Printable.text(r.letter().getDetail()));
      out.printf("  input:   %s  (the PaymentFinalized record)%n", input(r));
      out.printf(
          "  origin:  %s/%d/%d  (the last record that led here)%n",
          r.letter().getOriginTopic(),
          r.letter().getOriginPartition(),
          r.letter().getOriginOffset());
      if (r.letter().getEvent() != null) {
        out.printf("  event:   %s%n", r.letter().getEvent());
      }
      for (final NotifyAttempt a : r.letter().getHistory()) {
        out.printf("  attempt %d at %s: %s%n", a.getAttempt(), time(a.getStartedAt()), attempt(a));
      }
      final String replay = replayed.get(r.coordinates());
      out.printf("  replayed: %s%n", replay == null ? "no" : replay);
    }
  }

  /** Counts by reason, and by reason and last result code. */
  public static void stats(final List<DlqRecord> records, final PrintWriter out) {
    out.printf("%d DLQ record(s)%n", records.size());
    countBy(records, DlqRecord::reason)
        .forEach((reason, n) -> out.printf("  %-24s %8d%n", reason, n));
    out.printf("by reason and last result code:%n");
    countBy(records, r -> r.reason() + " " + r.lastResultCode())
        .forEach((pair, n) -> out.printf("  %-48s %8d%n", pair, n));
  }

  /** Counts of records per key the function gives, sorted by that key. */
  public static Map<String, Long> countBy(
      final List<DlqRecord> records, final Function<DlqRecord, String> key) {
    return records.stream()
        .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }

  private static String attempt(final NotifyAttempt a) {
    final StringBuilder line = new StringBuilder(a.getOutcome());
    if (a.getHttpStatus() != null) {
      line.append(" HTTP ").append(a.getHttpStatus());
    }
    if (a.getResultStatus() != null) {
      line.append(' ').append(a.getResultStatus()).append(' ').append(a.getResultCode());
    }
    if (a.getResultMessage() != null) {
      line.append(" \"").append(a.getResultMessage()).append('"');
    }
    if (a.getError() != null) {
      line.append(" error: ").append(a.getError());
    }
    return line.append(" (").append(a.getLatencyMs()).append(" ms)").toString();
  }

  private static String input(final DlqRecord r) {
    final Origin input = Origin.of(r.letter().getInput());
    return input == null ? "unknown" : input.text();
  }

  private static String time(final Instant instant) {
    return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
