package io.paymentnotifier.deploy;

import static io.paymentnotifier.deploy.DeployFiles.list;
import static io.paymentnotifier.deploy.DeployFiles.map;
import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.events.PaymentResult;
import io.paymentnotifier.ops.Operations;
import io.paymentnotifier.ops.OpsServer;
import io.paymentnotifier.service.NotifierService;
import io.paymentnotifier.service.NotifierStack;
import io.paymentnotifier.simulator.SimulatorFaults;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the dashboard against a running notifier on the real broker and the real
 * Alipay+ simulator: a real Prometheus, on the compose stack's config pointed at the notifier,
 * scrapes its /metrics and evaluates every rule; every metric the rules and the dashboard query is
 * one the service exports.
 */
class MonitoringIT {

  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final String JOB = "payment-notifier";

  /** Retries, rejections and refused signatures, so every labelled series of the service exists. */
  private static final SimulatorFaults FAULTS =
      SimulatorFaults.builder()
          .unknownRate(0.2)
          .failCode("PROCESS_FAIL", 0.15)
          .badSignatureRate(0.15)
          .build();

  /** Made by Prometheus for every target, not exported by the service. */
  private static final Set<String> PROMETHEUS_OWN = Set.of("up");

  private static NotifierStack stack;
  private static Operations ops;
  private static NotifierService service;
  private static PrometheusServer prometheus;

  @BeforeAll
  static void startTheServiceAndPrometheus() {
    // Retries wait long enough to be scraped whatever the machine's load: with the stack's short
    // ladder they could all be over between two scrapes, leaving the retry panels without data.
    stack = new NotifierStack(FAULTS).with("retry.backoff", "60s");
    ops = Operations.create(0);
    service = stack.newService(ops.observer());
    ops.overloadControl(service.overloadControl());
    ops.attach(service.kafkaStreams());
    service.start();
    prometheus = PrometheusServer.start(composeConfigScraping(ops.port()));
    // Counters scraped only after the traffic would show no increase, as after a restart.
    await()
        .atMost(PATIENCE)
        .until(
            () -> result("up == 1").size() == 1 && result("notifier_calls_in_flight").size() == 1);
    stack.publish(payments());
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
    if (service != null) {
      service.close(Duration.ofSeconds(10));
    }
    if (ops != null) {
      ops.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void shouldExportEveryMetricTheRulesAndTheDashboardQuery() throws Exception {
    // given
    final Set<String> queried = new TreeSet<>();
    final List<String> queries = new ArrayList<>(MonitoringFiles.ruleExpressions());
    MonitoringFiles.dashboardQueries().forEach(q -> queries.add(MonitoringFiles.asSent(q)));
    queries.forEach(q -> queried.addAll(PromqlMetricNames.of(q)));
    queried.removeAll(MonitoringFiles.recordedNames());
    queried.removeAll(PROMETHEUS_OWN);

    // when: Kafka metrics that appear after the first fetches take up to a minute to be exported
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> exportedNames().containsAll(queried));

    // then
    assertThat(exportedNames()).containsAll(queried);
    assertThat(queried).contains("notifier_dead_letters_total", "kafka_stream_client_state");
  }

  @Test
  void shouldEvaluateEveryRuleOnTheScrapedServiceWithoutError() {
    // given: the scraped service's consumer lag, through the recording rule's join on its labels
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> !result("instance:payment_notifier_consumer_lag:sum").isEmpty());

    // when
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> ruleHealth().values().stream().allMatch("ok"::equals));

    // then
    assertThat(ruleHealth()).hasSize(MonitoringFiles.rules().size()).containsValue("ok");
    for (final String expr : MonitoringFiles.ruleExpressions()) {
      final JsonNode answer = prometheus.query(expr);
      assertThat(answer.path("status").asText()).as(expr + ": " + answer).isEqualTo("success");
    }
    assertThat(result("up").get(0).path("metric").path("job").asText()).isEqualTo(JOB);
  }

  @Test
  void shouldAnswerEveryDashboardQueryWithDataFromTheScrapedService() {
    for (final String query : MonitoringFiles.dashboardQueries()) {
      // when
      final String sent = MonitoringFiles.asSent(query);

      // then
      await()
          .atMost(PATIENCE)
          .pollInterval(Duration.ofSeconds(2))
          .untilAsserted(() -> assertThat(result(sent)).as(sent).isNotEmpty());
    }
  }

  @Test
  void shouldFireTheDeadLetterAndSignatureAlertsButNoStateAlertOnTheRunningService() {
    // given
    final Set<String> expected =
        Set.of(
            "PaymentNotifierRejectedOrInvalidEvent/REJECTED",
            "PaymentNotifierRejectedOrInvalidEvent/INVALID_EVENT",
            "PaymentNotifierResponseSignatureFailures/");
    final Set<String> quiet =
        Set.of(
            "PaymentNotifierNotRunning",
            "PaymentNotifierDown",
            "PaymentNotifierNoProgress",
            "PaymentNotifierStreamThreadFailed");

    // then
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              assertThat(firing()).containsAll(expected);
              assertThat(activeAlertNames()).doesNotContainAnyElementsOf(quiet);
            });
  }

  private static List<PaymentFinalized> payments() {
    final List<PaymentFinalized> events = new ArrayList<>();
    IntStream.range(0, 120).forEach(i -> events.add(aPayment("monitoring-" + i).build()));
    final PaymentResult unfinished =
        PaymentResult.newBuilder().setResultStatus("U").setResultCode("PENDING").build();
    IntStream.range(0, 3)
        .forEach(
            i ->
                events.add(
                    aPayment("monitoring-invalid-" + i).setPaymentResult(unfinished).build()));
    return events;
  }

  /** docker/prometheus/prometheus.yml, scraping and evaluating every second, at this notifier. */
  private static Map<String, Object> composeConfigScraping(final int opsPort) {
    final Map<String, Object> config =
        new HashMap<>(DeployFiles.yaml(DeployFiles.file("docker/prometheus/prometheus.yml")));
    config.put("global", Map.of("scrape_interval", "1s", "evaluation_interval", "1s"));
    config.put("rule_files", List.of(MonitoringFiles.RULES.toString()));
    final Map<String, Object> job = map(list(config.get("scrape_configs")).get(0));
    assertThat(job.get("job_name")).isEqualTo(JOB);
    map(list(job.get("static_configs")).get(0)).put("targets", List.of("127.0.0.1:" + opsPort));
    return config;
  }

  private static Set<String> exportedNames() throws Exception {
    final HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + ops.port() + OpsServer.METRICS_PATH))
            .build();
    final String body =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    final Set<String> names = new TreeSet<>();
    body.lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
    return names;
  }

  private static List<JsonNode> result(final String expr) {
    final JsonNode answer = prometheus.query(expr);
    assertThat(answer.path("status").asText()).as(expr + ": " + answer).isEqualTo("success");
    final List<JsonNode> series = new ArrayList<>();
    answer.path("data").path("result").forEach(series::add);
    return series;
  }

  /** Each loaded rule's health (ok, err, unknown before its first evaluation), by name. */
  private static Map<String, String> ruleHealth() {
    final Map<String, String> health = new HashMap<>();
    for (final JsonNode group :
        prometheus.get("/api/v1/rules", Map.of()).path("data").path("groups")) {
      for (final JsonNode rule : group.path("rules")) {
        final String error = rule.path("lastError").asText();
        health.put(rule.path("name").asText(), rule.path("health").asText() + error);
      }
    }
    return health;
  }

  /** Firing alerts as alertname/reason. */
  private static Set<String> firing() {
    final Set<String> firing = new TreeSet<>();
    for (final JsonNode alert : alerts()) {
      if (alert.path("state").asText().equals("firing")) {
        firing.add(
            alert.path("labels").path("alertname").asText()
                + "/"
                + alert.path("labels").path("reason").asText());
      }
    }
    return firing;
  }

  /** Names of the alerts pending or firing. */
  private static Set<String> activeAlertNames() {
    final Set<String> names = new TreeSet<>();
    alerts().forEach(alert -> names.add(alert.path("labels").path("alertname").asText()));
    return names;
  }

  private static List<JsonNode> alerts() {
    final List<JsonNode> alerts = new ArrayList<>();
    prometheus.get("/api/v1/alerts", Map.of()).path("data").path("alerts").forEach(alerts::add);
    return alerts;
  }
}
