package io.paymentnotifier.deploy;

import static io.paymentnotifier.deploy.DeployFiles.list;
import static io.paymentnotifier.deploy.DeployFiles.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The alert rules and the Grafana dashboard as files, and the PromQL queries they hold. */
final class MonitoringFiles {

  static final Path RULES = DeployFiles.file("docker/prometheus/rules.yml");
  static final Path RULE_TESTS = DeployFiles.file("docker/prometheus/rules.test.yml");
  static final Path PROMETHEUS_RULE = KubernetesModel.K8S.resolve("base/prometheusrule.yaml");
  static final Path DASHBOARD =
      KubernetesModel.K8S.resolve("base/dashboards/payment-notifier.json");
  static final String DASHBOARD_CONFIG_MAP = "payment-notifier-dashboard";

  /** Grafana's {@code label_values(selector, label)} variable query. */
  private static final Pattern LABEL_VALUES =
      Pattern.compile("^\\s*label_values\\((.*),\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*\\)\\s*$");

  private static final Pattern GRAFANA_VARIABLE =
      Pattern.compile("\\$(\\{[a-zA-Z0-9_]+\\}|[a-zA-Z0-9_]+)");

  private MonitoringFiles() {}

  /** The groups of the compose rules file (the PrometheusRule must hold the same). */
  static List<Object> ruleGroups() {
    return list(DeployFiles.yaml(RULES).get("groups"));
  }

  /** Every rule of every group: alerts and recording rules. */
  static List<Map<String, Object>> rules() {
    final List<Map<String, Object>> rules = new ArrayList<>();
    for (final Object group : ruleGroups()) {
      list(map(group).get("rules")).forEach(rule -> rules.add(map(rule)));
    }
    return rules;
  }

  static List<Map<String, Object>> alerts() {
    return rules().stream().filter(rule -> rule.containsKey("alert")).toList();
  }

  static Set<String> alertNames() {
    return alerts().stream().map(a -> String.valueOf(a.get("alert"))).collect(Collectors.toSet());
  }

  /** Series the recording rules make: queried by the alerts, never exported by the service. */
  static Set<String> recordedNames() {
    return rules().stream()
        .filter(rule -> rule.containsKey("record"))
        .map(rule -> String.valueOf(rule.get("record")))
        .collect(Collectors.toSet());
  }

  static List<String> ruleExpressions() {
    return rules().stream().map(rule -> String.valueOf(rule.get("expr"))).toList();
  }

  static JsonNode dashboard() {
    try {
      return new ObjectMapper().readTree(DASHBOARD.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every panel, those inside rows included. */
  static List<JsonNode> panels() {
    final List<JsonNode> panels = new ArrayList<>();
    for (final JsonNode panel : dashboard().path("panels")) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    }
    return panels;
  }

  /** The PromQL of every panel target, Grafana variables ($job, $__rate_interval) still in it. */
  static List<String> panelQueries() {
    final List<String> queries = new ArrayList<>();
    for (final JsonNode panel : panels()) {
      panel.path("targets").forEach(target -> queries.add(target.path("expr").asText()));
    }
    return queries;
  }

  /** The series selector of every label_values() template variable. */
  static List<String> variableSelectors() {
    final List<String> selectors = new ArrayList<>();
    for (final JsonNode variable : dashboard().path("templating").path("list")) {
      if (variable.path("type").asText().equals("query")) {
        final String query = variable.path("query").path("query").asText();
        final Matcher matcher = LABEL_VALUES.matcher(query);
        if (!matcher.matches()) {
          throw new IllegalStateException("not a label_values(selector, label) query: " + query);
        }
        selectors.add(matcher.group(1));
      }
    }
    return selectors;
  }

  /** Every query of the dashboard: panel targets and variable selectors. */
  static List<String> dashboardQueries() {
    final List<String> queries = new ArrayList<>(panelQueries());
    queries.addAll(variableSelectors());
    return queries;
  }

  /**
   * The query as Grafana sends it to Prometheus: interval variables become durations, the others
   * (multi-value, used with =~) match anything.
   */
  static String asSent(final String query) {
    final String intervals =
        query
            .replace("$__rate_interval", "1m")
            .replace("${__rate_interval}", "1m")
            .replace("$__interval", "15s")
            .replace("$__range", "1h");
    return GRAFANA_VARIABLE.matcher(intervals).replaceAll(".+");
  }
}
