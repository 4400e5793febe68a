package io.paymentnotifier.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.paymentnotifier.config.OpsConfigDef;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ops HTTP endpoint on all interfaces: {@value #LIVE_PATH}, {@value #READY_PATH} (JSON, 200 or
 * 503), {@value #METRICS_PATH} (Prometheus text) and, with a lookup, {@code
 * /payments/{paymentRequestId}} (JSON, see PaymentsEndpoint).
 */
public final class OpsServer implements AutoCloseable {

  public static final String LIVE_PATH = "/health/live";
  public static final String READY_PATH = "/health/ready";
  public static final String METRICS_PATH = "/metrics";
  static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  private static final String TEXT = "text/plain; charset=utf-8";
  private static final String JSON_TYPE = "application/json";
  private static final int THREADS = 4;

  private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;

  private OpsServer(final HttpServer server, final ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Binds the port (0 picks a free one) and starts answering, without payment lookups. */
  public static OpsServer start(
      final int port, final HealthCheck health, final PrometheusMeterRegistry registry) {
    return start(port, health, registry, null);
  }

  /** The same, answering payment lookups with {@code lookup} (null: none). */
  public static OpsServer start(
      final int port,
      final HealthCheck health,
      final PrometheusMeterRegistry registry,
      final PaymentLookup lookup) {
    // Without it every response waits ~40 ms for Nagle + delayed ACK (research/feasibility.md).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    final HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(
          OpsConfigDef.PORT_CONFIG + " " + port + ": cannot listen (" + e.getMessage() + ")", e);
    }
    // Several threads: a slow scrape or lookup must never keep a probe waiting into its timeout.
    final ExecutorService executor =
        Executors.newFixedThreadPool(
            THREADS,
            runnable -> {
              final Thread thread = new Thread(runnable, "ops-http");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    final PaymentsEndpoint payments = lookup == null ? null : new PaymentsEndpoint(lookup);
    server.createContext("/", exchange -> answer(exchange, health, registry, payments));
    server.start();
    LOG.info("Ops endpoint listening on port {}", server.getAddress().getPort());
    return new OpsServer(server, executor);
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void answer(
      final HttpExchange exchange,
      final HealthCheck health,
      final PrometheusMeterRegistry registry,
      final PaymentsEndpoint payments)
      throws IOException {
    try {
      route(exchange, health, registry, payments);
    } catch (RuntimeException e) {
      LOG.warn("Ops request {} failed", exchange.getRequestURI(), e);
      if (exchange.getResponseCode() == -1) {
        send(exchange, 500, TEXT, "internal error\n");
      }
    } finally {
      exchange.close();
    }
  }

  private static void route(
      final HttpExchange exchange,
      final HealthCheck health,
      final PrometheusMeterRegistry registry,
      final PaymentsEndpoint payments)
      throws IOException {
    final String method = exchange.getRequestMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      send(exchange, 405, TEXT, "method not allowed\n");
      return;
    }
    if (payments != null && PaymentsEndpoint.handles(exchange.getRequestURI().getRawPath())) {
      sendLookup(exchange, payments.answer(exchange));
      return;
    }
    switch (exchange.getRequestURI().getPath()) {
      case LIVE_PATH -> sendVerdict(exchange, health::liveness);
      case READY_PATH -> sendVerdict(exchange, health::readiness);
      case METRICS_PATH -> send(exchange, 200, PROMETHEUS_CONTENT_TYPE, registry.scrape());
      default -> send(exchange, 404, TEXT, "not found\n");
    }
  }

  private static void sendVerdict(
      final HttpExchange exchange, final Supplier<HealthCheck.Verdict> probe) throws IOException {
    final HealthCheck.Verdict verdict = probe.get();
    final Map<String, String> body = new LinkedHashMap<>();
    body.put("status", verdict.up() ? "UP" : "DOWN");
    body.put("state", String.valueOf(verdict.state()));
    body.put("detail", verdict.detail());
    send(exchange, verdict.up() ? 200 : 503, JSON_TYPE, JSON.writeValueAsString(body));
  }

  private static void sendLookup(
      final HttpExchange exchange, final PaymentLookup.LookupAnswer answer) throws IOException {
    if (answer.retryLater()) {
      exchange
          .getResponseHeaders()
          .set("Retry-After", String.valueOf(PaymentLookup.LookupAnswer.RETRY_AFTER_SECONDS));
    }
    send(exchange, answer.status(), JSON_TYPE, JSON.writeValueAsString(answer.body()));
  }

  private static void send(
      final HttpExchange exchange, final int status, final String contentType, final String body)
      throws IOException {
    final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    final boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
