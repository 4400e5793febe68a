package io.paymentnotifier.deploy;

import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names a PromQL expression selects: the name of every vector selector, {@code
 * {__name__="x"}} included. It reads PromQL's tokens (strings, comments, numbers and durations,
 * label matchers, ranges, keywords, aggregation and function calls, the label lists of by, without,
 * on, ignoring, group_left and group_right), so labels, functions and string contents never pass
 * for metrics.
 *
 * <p>Hand-written because no maintained PromQL parser is published for Java, and Prometheus'
 * parse_query API only arrived in 3.0 (Debian ships 2.42). Syntax errors are promtool's and
 * Prometheus' job: both run on every expression in the deploy checks.
 */
final class PromqlMetricNames {

  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "atan2",
          "inf",
          "nan");
  private static final Set<String> AGGREGATIONS =
      Set.of(
          "sum",
          "min",
          "max",
          "avg",
          "group",
          "stddev",
          "stdvar",
          "count",
          "count_values",
          "bottomk",
          "topk",
          "quantile",
          "limitk",
          "limit_ratio");
  private static final Set<String> LABEL_LISTS =
      Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

  private final String expr;
  private final Set<String> names = new TreeSet<>();
  private int at;

  private PromqlMetricNames(final String expr) {
    this.expr = expr;
  }

  /** The metric names the expression selects, sorted. */
  static Set<String> of(final String expr) {
    final PromqlMetricNames scan = new PromqlMetricNames(expr);
    scan.run();
    return scan.names;
  }

  private void run() {
    while (at < expr.length()) {
      final char c = expr.charAt(at);
      if (Character.isWhitespace(c)) {
        at++;
      } else if (c == '#') {
        skipComment();
      } else if (c == '"' || c == '\'' || c == '`') {
        readString();
      } else if (c == '{') {
        readMatchers();
      } else if (c == '[') {
        skipPast(']');
      } else if (Character.isDigit(c) || (c == '.' && isDigitAt(at + 1))) {
        skipNumber();
      } else if (isNameStart(c)) {
        readIdentifier();
      } else {
        at++;
      }
    }
  }

  private void readIdentifier() {
    final String word = readName();
    final String lower = word.toLowerCase(java.util.Locale.ROOT);
    if (LABEL_LISTS.contains(lower)) {
      skipSpace();
      if (peek() == '(') {
        skipPast(')');
      }
    } else if (!KEYWORDS.contains(lower) && !AGGREGATIONS.contains(lower)) {
      skipSpace();
      if (peek() != '(') {
        names.add(word);
      }
    }
  }

  /** {@code {label op "value", ...}}: only {@code __name__="x"} names a metric. */
  private void readMatchers() {
    at++;
    while (at < expr.length() && peek() != '}') {
      skipSpaceAndCommas();
      if (peek() == '}') {
        break;
      }
      final String label = peek() == '"' ? readString() : readName();
      skipSpace();
      final StringBuilder op = new StringBuilder();
      while ("=!~".indexOf(peek()) >= 0) {
        op.append(expr.charAt(at++));
      }
      skipSpace();
      final String value = readString();
      if (label.equals("__name__") && op.toString().equals("=")) {
        names.add(value);
      }
      skipSpaceAndCommas();
    }
    at++;
  }

  private String readName() {
    final int start = at;
    while (at < expr.length() && isNameChar(expr.charAt(at))) {
      at++;
    }
    if (start == at) {
      throw new IllegalArgumentException("a name expected at " + at + " in: " + expr);
    }
    return expr.substring(start, at);
  }

  /** A quoted string's contents; backslash escapes in "" and '' strings, none in ``. */
  private String readString() {
    final char quote = peek();
    if (quote != '"' && quote != '\'' && quote != '`') {
      throw new IllegalArgumentException("a string expected at " + at + " in: " + expr);
    }
    final StringBuilder value = new StringBuilder();
    at++;
    while (at < expr.length() && expr.charAt(at) != quote) {
      if (expr.charAt(at) == '\\' && quote != '`') {
        at++;
      }
      value.append(expr.charAt(at++));
    }
    at++;
    return value.toString();
  }

  /** Numbers (1e-3, 0x1F, Inf) and durations (5m, 1h30m). */
  private void skipNumber() {
    while (at < expr.length()) {
      final char c = expr.charAt(at);
      if ((c == 'e' || c == 'E')
          && at + 1 < expr.length()
          && "+-".indexOf(expr.charAt(at + 1)) >= 0) {
        at += 2;
      } else if (Character.isLetterOrDigit(c) || c == '.') {
        at++;
      } else {
        return;
      }
    }
  }

  private void skipComment() {
    while (at < expr.length() && expr.charAt(at) != '\n') {
      at++;
    }
  }

  /** Past the closing character; strings inside are skipped whole. */
  private void skipPast(final char close) {
    at++;
    while (at < expr.length() && expr.charAt(at) != close) {
      if ("\"'`".indexOf(expr.charAt(at)) >= 0) {
        readString();
      } else {
        at++;
      }
    }
    at++;
  }

  private void skipSpace() {
    while (at < expr.length() && Character.isWhitespace(expr.charAt(at))) {
      at++;
    }
  }

  private void skipSpaceAndCommas() {
    while (at < expr.length() && (Character.isWhitespace(peek()) || peek() == ',')) {
      at++;
    }
  }

  private char peek() {
    return at < expr.length() ? expr.charAt(at) : '\0';
  }

  private boolean isDigitAt(final int index) {
    return index < expr.length() && Character.isDigit(expr.charAt(index));
  }

  private static boolean isNameStart(final char c) {
    return Character.isLetter(c) || c == '_' || c == ':';
  }

  private static boolean isNameChar(final char c) {
    return isNameStart(c) || Character.isDigit(c);
  }
}
