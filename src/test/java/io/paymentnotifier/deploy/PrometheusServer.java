package io.paymentnotifier.deploy;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.Yaml;

/**
 * A real Prometheus process (Debian's {@code prometheus}) on 127.0.0.1 with a free port and its own
 * TSDB under the test temp folder (target/tmp), and a client for its HTTP API.
 */
final class PrometheusServer implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path log;
  private final URI api;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  private PrometheusServer(final Process process, final Path log, final URI api) {
    this.process = process;
    this.log = log;
    this.api = api;
  }

  /** Starts Prometheus on this configuration (written as YAML) and waits until it is ready. */
  static PrometheusServer start(final Map<String, Object> config) {
    try {
      final Path dir = Files.createTempDirectory("prometheus");
      final Path configFile = dir.resolve("prometheus.yml");
      Files.writeString(configFile, new Yaml().dump(config));
      final int port = freePort();
      final Path log = dir.resolve("prometheus.log");
      final Process process =
          new ProcessBuilder(
                  Tools.PROMETHEUS.path().toString(),
                  "--config.file=" + configFile,
                  "--storage.tsdb.path=" + dir.resolve("data"),
                  "--web.listen-address=127.0.0.1:" + port)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      final PrometheusServer server =
          new PrometheusServer(process, log, URI.create("http://127.0.0.1:" + port));
      server.awaitReady();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** GET of an API path with query parameters; the parsed JSON answer. */
  JsonNode get(final String path, final Map<String, String> parameters) {
    final String query =
        parameters.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    final URI uri = api.resolve(path + (query.isEmpty() ? "" : "?" + query));
    try {
      final HttpResponse<String> response =
          http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An instant query: Prometheus' whole answer (status, data or error). */
  JsonNode query(final String expr) {
    return get("/api/v1/query", Map.of("query", expr));
  }

  /** The last lines Prometheus logged, for failure messages. */
  String logTail() {
    try {
      final List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitReady() {
    try {
      await()
          .atMost(START_TIMEOUT)
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .until(() -> process.isAlive() && isReady());
    } catch (RuntimeException e) {
      close();
      throw new IllegalStateException("Prometheus did not become ready:\n" + logTail(), e);
    }
  }

  private boolean isReady() throws IOException, InterruptedException {
    final HttpRequest ready = HttpRequest.newBuilder(api.resolve("/-/ready")).build();
    return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
