package io.paymentnotifier.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromqlMetricNamesTest {

  @Test
  void shouldFindTheMetricOfASelectorButNotItsLabelsOrValues() {
    // when
    final var names =
        PromqlMetricNames.of(
            "notifier_dead_letters_total{reason=~\"REJECTED|INVALID_EVENT\", job!='x{y}'}");

    // then
    assertThat(names).containsExactly("notifier_dead_letters_total");
  }

  @Test
  void shouldSkipFunctionsAggregationsAndTheirLabelLists() {
    // when
    final var names =
        PromqlMetricNames.of(
            "sum by (job, reason) (increase(notifier_dead_letters_total[15m])) > 0"
                + " or sum(rate(notifier_calls_total[5m])) without (result_code)"
                + " and on (job, instance) group_left (outcome) notifier_calls_in_flight");

    // then
    assertThat(names)
        .containsExactly(
            "notifier_calls_in_flight", "notifier_calls_total", "notifier_dead_letters_total");
  }

  @Test
  void shouldSkipNumbersDurationsOffsetsAndKeywords() {
    // when
    final var names =
        PromqlMetricNames.of(
            "x unless x offset 1h30m or y * 1e-3 > bool 0x1F and z > Inf"
                + " and rate(w[5m:30s] @ end()) < NaN");

    // then
    assertThat(names).containsExactly("w", "x", "y", "z");
  }

  @Test
  void shouldFindNamesGivenAsNameMatchersAndNamesWithColons() {
    // when
    final var names =
        PromqlMetricNames.of(
            "{__name__=\"up\", job=\"a\"} and {__name__=~\"notifier_.*\"}"
                + " and instance:payment_notifier_consumer_lag:sum > 0");

    // then: a regular expression names no metric of its own
    assertThat(names).containsExactly("instance:payment_notifier_consumer_lag:sum", "up");
  }

  @Test
  void shouldIgnoreStringsAndCommentsAndGrafanaIntervals() {
    // when
    final var names =
        PromqlMetricNames.of(
            "label_replace(a, \"dst\", \"$1 not_a_metric\", \"src\", \"(.*)\") # b is a comment\n"
                + " + topk(5, histogram_quantile(0.99, sum by (le) (rate(c_bucket[$__rate_interval]))))"
                + " + count_values(\"value\", d)");

    // then
    assertThat(names).containsExactly("a", "c_bucket", "d");
  }
}
