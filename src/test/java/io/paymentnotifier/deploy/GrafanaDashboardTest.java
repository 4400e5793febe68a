package io.paymentnotifier.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard's structure: the panels operators need, each on the dashboard's data source
 * variable, and Grafana variables only where Grafana can substitute them. That every metric it
 * queries exists is checked against a running service ({@code MonitoringIT}).
 */
class GrafanaDashboardTest {

  private static final String DATASOURCE = "${datasource}";
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([a-zA-Z0-9_]+)\\}?");
  private static final Set<String> INTERVALS = Set.of("__rate_interval", "__interval", "__range");

  private final JsonNode dashboard = MonitoringFiles.dashboard();

  @Test
  void shouldShowThroughputLatencyInFlightRetriesDeadLettersAndLag() {
    // given: panel title -> the metric it shows and the label it splits by
    final Map<String, String> expected =
        Map.of(
            "Notifications by outcome", "notifier_notifications_total by (outcome)",
            "Calls by outcome", "notifier_calls_total by (outcome)",
            "Call latency", "notifier_call_latency_seconds_bucket by (le)",
            "Calls in flight", "notifier_calls_in_flight by (instance)",
            "Retries pending by attempt", "notifier_retries_pending by (attempt)",
            "Dead letters by reason", "notifier_dead_letters_total by (reason)",
            "Consumer lag by topic", "kafka_consumer_fetch_manager_records_lag by (topic)");

    // then
    expected.forEach(
        (title, shows) -> {
          final String expr = panel(title).path("targets").get(0).path("expr").asText();
          final String[] metricAndLabel = shows.split(" by ");
          assertThat(PromqlMetricNames.of(expr)).as(title).containsExactly(metricAndLabel[0]);
          assertThat(expr).as(title).contains("by " + metricAndLabel[1]);
        });
  }

  @Test
  void shouldKeepARowForTheOverloadControlState() {
    // then
    assertThat(panel("Alipay+ overload control").path("type").asText()).isEqualTo("row");
  }

  @Test
  void shouldShowTheHostStateThePermittedRateAndHeldCallsInTheOverloadControlRow() {
    // given
    final int row = panel("Alipay+ overload control").path("gridPos").path("y").asInt();
    final int next = panel("Retries and dead letters").path("gridPos").path("y").asInt();

    // when
    final Set<String> shown = new HashSet<>();
    for (final JsonNode panel : MonitoringFiles.panels()) {
      final int y = panel.path("gridPos").path("y").asInt();
      if (y > row && y < next) {
        panel
            .path("targets")
            .forEach(t -> shown.addAll(PromqlMetricNames.of(t.path("expr").asText())));
      }
    }

    // then
    assertThat(shown)
        .contains(
            "notifier_alipay_state",
            "notifier_alipay_permitted_requests_per_second",
            "notifier_calls_held",
            "notifier_calls_held_back_total");
  }

  @Test
  void shouldQueryEveryPanelThroughTheDataSourceVariable() {
    // given
    final JsonNode datasource = variable("datasource");

    // then
    assertThat(datasource.path("type").asText()).isEqualTo("datasource");
    assertThat(datasource.path("query").asText()).isEqualTo("prometheus");
    for (final JsonNode panel : MonitoringFiles.panels()) {
      for (final JsonNode target : panel.path("targets")) {
        assertThat(target.path("datasource").path("uid").asText())
            .as(panel.path("title").asText())
            .isEqualTo(DATASOURCE);
      }
      if (!panel.path("type").asText().equals("row")) {
        assertThat(panel.path("datasource").path("uid").asText()).isEqualTo(DATASOURCE);
        assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
      }
    }
  }

  @Test
  void shouldUseGrafanaVariablesOnlyInRangesAndRegexMatchers() {
    for (final String query : MonitoringFiles.dashboardQueries()) {
      // when
      final Matcher matcher = VARIABLE.matcher(query);

      // then: a multi-value variable is a regular expression, an interval a range
      while (matcher.find()) {
        final String before = query.substring(0, matcher.start());
        if (INTERVALS.contains(matcher.group(1))) {
          assertThat(before).as(query).endsWith("[");
        } else {
          assertThat(before).as(query).endsWith("=~\"");
          assertThat(variable(matcher.group(1)).path("type").asText()).isEqualTo("query");
        }
      }
      assertThat(PromqlMetricNames.of(MonitoringFiles.asSent(query))).as(query).isNotEmpty();
    }
  }

  @Test
  void shouldGiveEveryPanelItsOwnIdAndAPlaceOnTheGrid() {
    // given
    final List<JsonNode> panels = MonitoringFiles.panels();
    final Set<Integer> ids = new HashSet<>();

    // then
    assertThat(dashboard.path("uid").asText()).isEqualTo("payment-notifier");
    for (final JsonNode panel : panels) {
      assertThat(ids.add(panel.path("id").asInt())).as(panel.path("title").asText()).isTrue();
      final JsonNode grid = panel.path("gridPos");
      assertThat(grid.path("x").asInt() + grid.path("w").asInt()).isBetween(1, 24);
      assertThat(grid.path("h").asInt()).isPositive();
    }
  }

  private JsonNode panel(final String title) {
    return MonitoringFiles.panels().stream()
        .filter(p -> p.path("title").asText().equals(title))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no panel " + title));
  }

  private JsonNode variable(final String name) {
    for (final JsonNode variable : dashboard.path("templating").path("list")) {
      if (variable.path("name").asText().equals(name)) {
        return variable;
      }
    }
    throw new AssertionError("no dashboard variable " + name);
  }
}
