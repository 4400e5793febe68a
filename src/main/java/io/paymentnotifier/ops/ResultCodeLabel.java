package io.paymentnotifier.ops;

import io.paymentnotifier.notify.CallReport;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Turns what a call saw into a result-code metric label, keeping the label set bounded: a peer that
 * invents codes must not blow up the number of time series.
 */
final class ResultCodeLabel {

  static final String NO_ANSWER = "NO_ANSWER";
  static final String NONE = "NONE";
  static final String OTHER = "OTHER";
  static final int MAX_DISTINCT_CODES = 100;

  private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,64}");

  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  /** The Alipay+ result code; else HTTP_status when the body had none; else NO_ANSWER. */
  String of(final CallReport call) {
    return of(call.resultCode(), call.httpStatus());
  }

  /** The same rule for an attempt of a history. */
  String of(final String resultCode, final Integer httpStatus) {
    if (resultCode != null) {
      return bounded(resultCode);
    }
    if (httpStatus != null) {
      return "HTTP_" + httpStatus;
    }
    return NO_ANSWER;
  }

  /** The code itself while it looks like a code and the set is not full; else OTHER. */
  String bounded(final String code) {
    if (code == null) {
      return NONE;
    }
    if (!CODE.matcher(code).matches()) {
      return OTHER;
    }
    if (seen.contains(code)) {
      return code;
    }
    if (seen.size() >= MAX_DISTINCT_CODES) {
      return OTHER;
    }
    seen.add(code);
    return code;
  }
}
