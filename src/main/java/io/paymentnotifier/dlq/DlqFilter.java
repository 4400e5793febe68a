package io.paymentnotifier.dlq;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which DLQ records a list, replay or stats run looks at; every criterion left empty matches all.
 *
 * @param reasons reason names (case-insensitive), e.g. REJECTED
 * @param codes last result codes (case-insensitive), e.g. PROCESS_FAIL, HTTP_503, NO_ANSWER
 * @param since last failure at or after, or null
 * @param until last failure before, or null
 * @param key the paymentRequestId as {@link DlqRecord#paymentRequestId()} gives it, or null
 */
public record DlqFilter(
    Set<String> reasons, Set<String> codes, Instant since, Instant until, String key) {

  /** Matches every record. */
  public static DlqFilter all() {
    return new DlqFilter(Set.of(), Set.of(), null, null, null);
  }

  public DlqFilter {
    reasons = upperCase(reasons);
    codes = upperCase(codes);
  }

  /** Whether the record passes every criterion. */
  public boolean matches(final DlqRecord record) {
    return (reasons.isEmpty() || reasons.contains(record.reason()))
        && (codes.isEmpty() || codes.contains(record.lastResultCode().toUpperCase(Locale.ROOT)))
        && (since == null || !record.lastFailureAt().isBefore(since))
        && (until == null || record.lastFailureAt().isBefore(until))
        && (key == null || key.equals(record.paymentRequestId()));
  }

  private static Set<String> upperCase(final Set<String> values) {
    return values == null
        ? Set.of()
        : values.stream().map(v -> v.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
  }
}
