package io.paymentnotifier.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.paymentnotifier.dlq.Origin;
import io.paymentnotifier.topology.PaymentStatus;
import io.paymentnotifier.topology.PaymentStatusStores;
import io.paymentnotifier.topology.PaymentStatusStores.Part;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /payments/{id}} over real HTTP between two ops servers on loopback, each with stores
 * that hold some payments: the instance asked forwards to the owner, marked so it stops there.
 */
class PaymentsEndpointTest {

  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

  private final Cluster cluster = new Cluster();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final OpsServer first = cluster.start("first");
  private final OpsServer second = cluster.start("second");
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    first.close();
    second.close();
  }

  @Test
  void shouldForwardToTheOwnerAndAnswerWhatItsStoresSay() throws Exception {
    // given: the second instance holds both parts of a dead-lettered payment
    cluster.hold("second", Part.NOTIFICATION, "p/1", new PaymentStatus.Unknown("p/1"));
    cluster.hold(
        "second",
        Part.DEAD_LETTERS,
        "p/1",
        new PaymentStatus.DeadLettered(
            "p/1", AT, "INVALID_EVENT", null, new Origin("payment-notify-dlq", 1, 4)));
    // when: the first is asked, with the '/' percent-encoded
    final HttpResponse<String> response = get(first, "/payments/p%2F1");
    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    final JsonNode body = json(response);
    assertThat(body.path("paymentRequestId").asText()).isEqualTo("p/1");
    assertThat(body.path("state").asText()).isEqualTo("DEAD_LETTERED");
    assertThat(body.path("dlqRecord").path("partition").asInt()).isEqualTo(1);
    assertThat(cluster.readsBy("first")).isEmpty();
    assertThat(cluster.readsBy("second")).containsExactly("NOTIFICATION p/1", "DEAD_LETTERS p/1");
  }

  @Test
  void shouldAnswer404ForAnUnknownPaymentAskedOfAnyInstance() throws Exception {
    // given
    cluster.hold("first", Part.NOTIFICATION, "p-9", new PaymentStatus.Unknown("p-9"));
    cluster.hold("second", Part.DEAD_LETTERS, "p-9", new PaymentStatus.Unknown("p-9"));
    // when
    final List<HttpResponse<String>> answers =
        List.of(get(first, "/payments/p-9"), get(second, "/payments/p-9"));
    // then
    assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(404);
    assertThat(answers)
        .extracting(r -> json(r).path("message").asText())
        .containsOnly("p-9: unknown: not in flight, not waiting, not finished within dedup.window");
  }

  @Test
  void shouldAnswer400ForAMalformedIdWithoutAStackTrace() throws Exception {
    // when
    final List<HttpResponse<String>> answers =
        List.of(
            get(first, "/payments/"),
            get(first, "/payments"),
            get(first, "/payments/" + "a".repeat(65)),
            get(first, "/payments/p%0A1"),
            get(first, "/payments/p%C3%28"));
    // then
    assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(400);
    assertThat(answers).extracting(r -> json(r).path("error").asText()).containsOnly("BAD_REQUEST");
    assertThat(answers).extracting(HttpResponse::body).noneMatch(b -> b.contains("Exception"));
    assertThat(json(answers.get(4)).path("message").asText())
        .isEqualTo("paymentRequestId: the percent-encoded bytes are not UTF-8 text");
  }

  @Test
  void shouldAnswer503WithRetryAfterWhenTheOwnerIsUnknown() throws Exception {
    // given: nothing holds p-1 (a rebalance)
    // when
    final HttpResponse<String> response = get(first, "/payments/p-1");
    // then
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(json(response).path("error").asText()).isEqualTo("UNAVAILABLE");
  }

  @Test
  void shouldAnswerAForwardedQuestionLocallyOrWith503NeverForwardingIt() throws Exception {
    // given: the first holds the notification part, the second is asked as if forwarded
    cluster.hold("first", Part.NOTIFICATION, "p-2", new PaymentStatus.InFlight("p-2", 1, AT));
    // when
    final HttpResponse<String> response =
        send(
            second,
            HttpRequest.newBuilder(uri(second, "/payments/p-2?part=notification"))
                .header(PeerClient.FORWARDED_HEADER, "1"));
    // then
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(cluster.readsBy("first")).isEmpty();
  }

  private HttpResponse<String> get(final OpsServer server, final String path)
      throws IOException, InterruptedException {
    return send(server, HttpRequest.newBuilder(uri(server, path)));
  }

  private HttpResponse<String> send(final OpsServer server, final HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(final OpsServer server, final String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static JsonNode json(final HttpResponse<String> response) {
    try {
      return new ObjectMapper().readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  /** Which instance holds which part of which payment, and which local reads each made. */
  private final class Cluster {
    private final Map<String, HostInfo> hosts = new ConcurrentHashMap<>();
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final Map<String, PaymentStatus> held = new ConcurrentHashMap<>();
    private final List<String> reads = new CopyOnWriteArrayList<>();

    OpsServer start(final String name) {
      final HostInfo self = new HostInfo("127.0.0.1", freePort());
      hosts.put(name, self);
      return OpsServer.start(
          self.port(),
          new HealthCheck(new HealthCheckTest.FakeStreamsStatus()),
          registry,
          new PaymentLookup(new InstanceStores(name), new PeerClient(), self));
    }

    void hold(final String name, final Part part, final String id, final PaymentStatus status) {
      owners.put(part + " " + id, name);
      held.put(part + " " + id, status);
    }

    List<String> readsBy(final String name) {
      return reads.stream()
          .filter(r -> r.startsWith(name + ": "))
          .map(r -> r.substring(name.length() + 2))
          .toList();
    }

    /** The stores of one instance: it reads what it holds, and knows who holds the rest. */
    private final class InstanceStores implements PaymentStatusStores {
      private final String name;

      InstanceStores(final String name) {
        this.name = name;
      }

      @Override
      public KeyQueryMetadata owner(final Part part, final String id) {
        final String owner = owners.get(part + " " + id);
        return owner == null
            ? KeyQueryMetadata.NOT_AVAILABLE
            : new KeyQueryMetadata(hosts.get(owner), Set.of(), 0);
      }

      @Override
      public Optional<PaymentStatus> readLocal(final Part part, final String id, final int p) {
        final String key = part + " " + id;
        if (!name.equals(owners.get(key))) {
          return Optional.empty();
        }
        reads.add(name + ": " + key);
        return Optional.of(held.get(key));
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
