package io.paymentnotifier.devstack.bench;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The wall-clock time a process spent restoring state: from its first {@code State restore started}
 * log line to its last {@code State restore finished} (RestoreMetrics writes both; the text layout
 * starts each line with an ISO-8601 time). The metric's seconds are summed over store partitions,
 * which restore side by side; this is the time the operator waits.
 */
final class RestoreSpan {

  private RestoreSpan() {}

  /** Zero when the log shows no restore. */
  static Duration of(final String log) {
    final List<String> lines = log.lines().toList();
    final OffsetDateTime first =
        lines.stream()
            .filter(l -> l.contains("State restore started"))
            .findFirst()
            .map(RestoreSpan::time)
            .orElse(null);
    final OffsetDateTime last =
        lines.stream()
            .filter(l -> l.contains("State restore finished"))
            .reduce((a, b) -> b)
            .map(RestoreSpan::time)
            .orElse(null);
    return first == null || last == null ? Duration.ZERO : Duration.between(first, last);
  }

  private static OffsetDateTime time(final String line) {
    try {
      return OffsetDateTime.parse(line.substring(0, line.indexOf(' ')));
    } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
      return null;
    }
  }
}
