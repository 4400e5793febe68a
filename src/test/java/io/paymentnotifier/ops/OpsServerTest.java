package io.paymentnotifier.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpsServerTest {

  private final HealthCheckTest.FakeStreamsStatus streams = new HealthCheckTest.FakeStreamsStatus();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final OpsServer server = OpsServer.start(0, new HealthCheck(streams), registry);
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void shouldAnswerReadyWith200AndTheStateWhenRunning() throws Exception {
    // given
    streams.set(State.RUNNING, 1);

    // when
    final HttpResponse<String> response = get(OpsServer.READY_PATH, "GET");

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    final JsonNode body = new ObjectMapper().readTree(response.body());
    assertThat(body.path("status").asText()).isEqualTo("UP");
    assertThat(body.path("state").asText()).isEqualTo("RUNNING");
  }

  @Test
  void shouldAnswerReadyWith503WhileNotYetRunning() throws Exception {
    // given
    streams.set(State.REBALANCING, 1);

    // when
    final HttpResponse<String> response = get(OpsServer.READY_PATH, "GET");

    // then
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("\"DOWN\"").contains("REBALANCING");
  }

  @Test
  void shouldAnswerLiveWith503WhenStreamsIsInError() throws Exception {
    // given
    streams.set(State.ERROR, 0);

    // when
    final HttpResponse<String> response = get(OpsServer.LIVE_PATH, "GET");

    // then
    assertThat(response.statusCode()).isEqualTo(503);
  }

  @Test
  void shouldAnswerLiveWith200WhileStarting() throws Exception {
    // given
    streams.set(State.CREATED, 0);

    // when
    final HttpResponse<String> response = get(OpsServer.LIVE_PATH, "GET");

    // then
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void shouldServeMetricsInPrometheusTextFormat() throws Exception {
    // given
    Counter.builder("notifier.test.events").register(registry).increment(3);

    // when
    final HttpResponse<String> response = get(OpsServer.METRICS_PATH, "GET");

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue(OpsServer.PROMETHEUS_CONTENT_TYPE);
    assertThat(response.body())
        .contains("# TYPE notifier_test_events_total counter")
        .contains("notifier_test_events_total 3.0");
  }

  @Test
  void shouldAnswerHeadWithTheStatusAndNoBody() throws Exception {
    // given
    streams.set(State.RUNNING, 1);

    // when
    final HttpResponse<String> response = get(OpsServer.READY_PATH, "HEAD");

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void shouldAnswer404ForAnUnknownPathAnd405ForAWrite() throws Exception {
    // when
    final HttpResponse<String> unknown = get("/health/live/extra", "GET");
    final HttpResponse<String> write = get(OpsServer.METRICS_PATH, "POST");

    // then
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(write.statusCode()).isEqualTo(405);
  }

  @Test
  void shouldAnswer500AndKeepServingWhenAProbeFails() throws Exception {
    // given
    final StreamsStatus broken =
        new StreamsStatus() {
          @Override
          public State state() {
            throw new IllegalStateException("client gone");
          }

          @Override
          public int liveStreamThreads() {
            return 0;
          }
        };
    try (OpsServer brokenServer = OpsServer.start(0, new HealthCheck(broken), registry)) {
      // when
      final HttpResponse<String> failed = get(brokenServer, OpsServer.READY_PATH);
      final HttpResponse<String> metrics = get(brokenServer, OpsServer.METRICS_PATH);

      // then
      assertThat(failed.statusCode()).isEqualTo(500);
      assertThat(metrics.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void shouldNameTheConfigKeyWhenThePortIsTaken() throws Exception {
    // given
    try (ServerSocket taken = new ServerSocket(0)) {
      // when / then
      assertThatThrownBy(
              () -> OpsServer.start(taken.getLocalPort(), new HealthCheck(streams), registry))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageStartingWith("ops.port " + taken.getLocalPort() + ": cannot listen");
    }
  }

  private HttpResponse<String> get(final String path, final String method) throws Exception {
    final HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(final OpsServer target, final String path) throws Exception {
    final HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + path)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
