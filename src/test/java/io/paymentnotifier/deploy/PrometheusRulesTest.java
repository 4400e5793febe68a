package io.paymentnotifier.deploy;

import static io.paymentnotifier.deploy.DeployFiles.list;
import static io.paymentnotifier.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.config.Durations;
import io.paymentnotifier.config.FlowConfigDef;
import io.paymentnotifier.config.NotifierConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules, checked by Prometheus' own promtool (syntax, and behaviour on the synthetic
 * series of rules.test.yml), kept identical in compose and k8s, tied to the service's defaults and
 * documented in the README's runbook.
 */
class PrometheusRulesTest {

  private static final Pattern RUNBOOK_ENTRY =
      Pattern.compile("\\*\\*`(PaymentNotifier[A-Za-z]+)`\\*\\* \\(([a-z]+)\\)");

  @Test
  void shouldPassPromtoolCheckRulesInComposeAndKubernetes() throws Exception {
    // given: the PrometheusRule's spec is a rules file of its own
    final Path extracted = Files.createTempFile("prometheusrule-spec", ".yml");
    final Object groups = RenderedObjects.spec(DeployFiles.yaml(MonitoringFiles.PROMETHEUS_RULE));
    Files.writeString(extracted, new Yaml().dump(groups));

    // when
    final Tools.Result compose =
        Tools.PROMTOOL.run(DeployFiles.ROOT, "check", "rules", MonitoringFiles.RULES.toString());
    final Tools.Result kubernetes =
        Tools.PROMTOOL.run(DeployFiles.ROOT, "check", "rules", extracted.toString());

    // then
    final int rules = MonitoringFiles.rules().size();
    assertThat(compose.requireSuccess().stdout()).contains("SUCCESS: " + rules + " rules found");
    assertThat(kubernetes.requireSuccess().stdout()).contains("SUCCESS: " + rules + " rules found");
  }

  @Test
  void shouldPassPromtoolTestRulesOnSyntheticSeries() {
    // when
    final Tools.Result result =
        Tools.PROMTOOL.run(
            DeployFiles.ROOT, "test", "rules", MonitoringFiles.RULE_TESTS.toString());

    // then
    assertThat(result.requireSuccess().stdout()).contains("SUCCESS");
  }

  @Test
  void shouldTestEveryAlertFiringAndOnlyAlertsThatExist() {
    // given
    final Set<String> tested = new HashSet<>();
    final Set<String> seenFiring = new HashSet<>();

    // when
    for (final Object test : list(DeployFiles.yaml(MonitoringFiles.RULE_TESTS).get("tests"))) {
      for (final Object alertTest : list(map(test).get("alert_rule_test"))) {
        final String name = String.valueOf(map(alertTest).get("alertname"));
        tested.add(name);
        if (!list(map(alertTest).get("exp_alerts")).isEmpty()) {
          seenFiring.add(name);
        }
      }
    }

    // then
    assertThat(tested).containsExactlyInAnyOrderElementsOf(MonitoringFiles.alertNames());
    assertThat(seenFiring).containsExactlyInAnyOrderElementsOf(MonitoringFiles.alertNames());
  }

  @Test
  void shouldHoldTheSameGroupsInThePrometheusRuleAsInTheComposeRules() {
    // when
    final Object kubernetes =
        RenderedObjects.spec(DeployFiles.yaml(MonitoringFiles.PROMETHEUS_RULE)).get("groups");

    // then
    assertThat(kubernetes)
        .as(
            "spec.groups of %s must be the groups of %s: copy them over",
            MonitoringFiles.PROMETHEUS_RULE, MonitoringFiles.RULES)
        .isEqualTo(MonitoringFiles.ruleGroups());
  }

  @Test
  void shouldGiveEveryAlertASeverityASummaryAndADescription() {
    for (final Map<String, Object> alert : MonitoringFiles.alerts()) {
      // when
      final String name = String.valueOf(alert.get("alert"));
      final Map<String, Object> labels = map(alert.get("labels"));
      final Map<String, Object> annotations = map(alert.get("annotations"));

      // then
      assertThat(labels.get("severity")).as(name).isIn("warning", "critical");
      assertThat(String.valueOf(annotations.get("summary"))).as(name).isNotBlank();
      assertThat(String.valueOf(annotations.get("description"))).as(name).isNotBlank();
    }
  }

  @Test
  void shouldDescribeEveryAlertInTheReadmeRunbookWithItsSeverity() {
    // given
    final String readme = DeployFiles.text(DeployFiles.file("README.md"));
    final String operations = section(readme, "\n## Operations\n", "\n## ");
    final String runbook = section(operations, "\n### Alerts\n", "\n### ");

    // when
    final Map<String, String> documented =
        RUNBOOK_ENTRY
            .matcher(runbook)
            .results()
            .collect(Collectors.toMap(m -> m.group(1), m -> m.group(2)));

    // then
    final Map<String, String> severities =
        MonitoringFiles.alerts().stream()
            .collect(
                Collectors.toMap(
                    a -> String.valueOf(a.get("alert")),
                    a -> String.valueOf(map(a.get("labels")).get("severity"))));
    assertThat(documented).isEqualTo(severities);
  }

  @Test
  void shouldAlertAtTheCallLimitTheServiceHasByDefault() {
    // when
    final double threshold = threshold("PaymentNotifierCallsAtLimit", ">=");

    // then: compose and k8s leave notify.max.in.flight at its default
    assertThat(threshold)
        .isEqualTo(((Integer) defaultOf(FlowConfigDef.MAX_IN_FLIGHT_CONFIG)).doubleValue());
    assertThat(DeployFiles.text(DeployFiles.file("docker-compose.yml")))
        .doesNotContain("NOTIFIER_NOTIFY_MAX_IN_FLIGHT");
    for (final String variant : Kustomize.VARIANTS) {
      assertThat(RenderedObjects.of(variant).configMap().getData())
          .doesNotContainKey("NOTIFIER_NOTIFY_MAX_IN_FLIGHT");
    }
  }

  @Test
  void shouldCallARetryOverdueOnlyPastTheLongestDefaultBackoffStepAndItsJitter() {
    // given
    @SuppressWarnings("unchecked")
    final List<String> ladder = (List<String>) defaultOf(FlowConfigDef.RETRY_BACKOFF_CONFIG);
    final double jitter = (Double) defaultOf(FlowConfigDef.RETRY_JITTER_CONFIG);
    final Duration longest = ladder.stream().map(Durations::parse).max(Duration::compareTo).get();

    // when
    final double overdue = threshold("PaymentNotifierRetryOverdue", ">");
    final double waitingLong = threshold("PaymentNotifierRetriesWaitingLong", ">");

    // then
    assertThat(overdue).isGreaterThan(longest.toSeconds() * (1 + jitter));
    assertThat(overdue)
        .isLessThan(
            Durations.parse((String) defaultOf(FlowConfigDef.RETRY_MAX_AGE_CONFIG)).toSeconds());
    assertThat(waitingLong).isLessThan(overdue);
  }

  @Test
  void shouldReadTheKafkaStreamsStateByItsOrdinal() {
    // given
    final Map<String, Object> alert = alert("PaymentNotifierNotRunning");
    final String states =
        Arrays.stream(KafkaStreams.State.values())
            .filter(s -> s != KafkaStreams.State.RUNNING)
            .map(s -> s.ordinal() + " " + s.name())
            .collect(Collectors.joining(", "));

    // when
    final double running = threshold("PaymentNotifierNotRunning", "!=");

    // then: kafka_stream_client_state is KafkaStreams.State.ordinal()
    assertThat(running).isEqualTo(KafkaStreams.State.RUNNING.ordinal());
    assertThat(String.valueOf(map(alert.get("annotations")).get("description")))
        .contains("(" + states + ")");
  }

  private static Map<String, Object> alert(final String name) {
    return MonitoringFiles.alerts().stream()
        .filter(a -> name.equals(a.get("alert")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no alert " + name));
  }

  /** The number the alert's expression compares with using the operator. */
  private static double threshold(final String name, final String operator) {
    final String expr = String.valueOf(alert(name).get("expr"));
    final Matcher matcher =
        Pattern.compile(Pattern.quote(operator) + "\\s*([0-9.]+)").matcher(expr);
    assertThat(matcher.find()).as(name + ": " + operator + " <number> in " + expr).isTrue();
    return Double.parseDouble(matcher.group(1));
  }

  private static Object defaultOf(final String key) {
    return NotifierConfig.CONFIG_DEF.defaultValues().get(key);
  }

  private static String section(final String text, final String start, final String next) {
    final int from = text.indexOf(start);
    assertThat(from).as("section " + start.trim()).isNotNegative();
    final int to = text.indexOf(next, from + start.length());
    return to < 0 ? text.substring(from) : text.substring(from, to);
  }
}
