package io.paymentnotifier.cli;

import io.paymentnotifier.config.Durations;
import io.paymentnotifier.dlq.DlqFilter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** The filters shared by {@code dlq list}, {@code replay} and {@code stats}. */
public final class DlqFilterOptions {

  @Option(
      names = "--reason",
      split = ",",
      paramLabel = "REASON",
      description = "Only these reasons, e.g. REJECTED,RETRIES_EXHAUSTED.")
  List<String> reasons = new ArrayList<>();

  @Option(
      names = "--code",
      split = ",",
      paramLabel = "CODE",
      description = "Only these last result codes, e.g. PROCESS_FAIL, HTTP_503, NO_ANSWER.")
  List<String> codes = new ArrayList<>();

  @Option(
      names = "--since",
      paramLabel = "TIME",
      description = "Last failure at or after: an ISO instant, or a duration ago such as 2h.")
  String since;

  @Option(
      names = "--until",
      paramLabel = "TIME",
      description = "Last failure before: an ISO instant, or a duration ago such as 30m.")
  String until;

  @Option(names = "--key", paramLabel = "ID", description = "Only this paymentRequestId.")
  String key;

  /** The filter these options describe. */
  public DlqFilter filter() {
    return new DlqFilter(
        Set.copyOf(reasons), Set.copyOf(codes), instant(since), instant(until), key);
  }

  /** An ISO instant, or now minus a duration such as {@code 2h}. */
  static Instant instant(final String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException notAnInstant) {
      try {
        return Instant.now().minus(Durations.parse(text));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "'" + text + "' is neither an ISO instant (2026-01-31T12:00:00Z) nor a duration (2h)");
      }
    }
  }
}
