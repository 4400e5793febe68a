package io.paymentnotifier.devstack.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.paymentnotifier.avro.InMemorySchemaRegistry;
import io.paymentnotifier.avro.SchemaRegistryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory Schema Registry over HTTP on 127.0.0.1, serving the REST subset of the Confluent
 * API, so the demo, the dev stack, tests and clients in any language can use it.
 */
public final class SchemaRegistryServer implements AutoCloseable {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final int HANDLER_THREADS = 4;
  private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryServer.class);

  static {
    // Without TCP_NODELAY the JDK server adds ~40 ms per answer (feasibility.md, section 5).
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final ObjectMapper json = new ObjectMapper();
  private final InMemorySchemaRegistry registry;
  private final SchemaRegistryDispatcher dispatcher;
  private final int requestedPort;
  private HttpServer server;
  private ExecutorService executor;

  /** A server on this port of 127.0.0.1 (0: any free port) with an empty registry. */
  public SchemaRegistryServer(final int port) {
    this(port, new InMemorySchemaRegistry());
  }

  /** A server on this port of 127.0.0.1 (0: any free port) serving the given registry. */
  public SchemaRegistryServer(final int port, final InMemorySchemaRegistry registry) {
    this.requestedPort = port;
    this.registry = registry;
    this.dispatcher = new SchemaRegistryDispatcher(new SchemaRegistryRoutes(registry));
  }

  /** Binds and starts serving; returns this for chaining. */
  public SchemaRegistryServer start() {
    try {
      server =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 128);
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot bind the Schema Registry to port " + requestedPort, e);
    }
    executor = Executors.newFixedThreadPool(HANDLER_THREADS, daemonThreads());
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    LOG.info("Schema Registry listening on {}", url());
    return this;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8081}. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /** The bound port. */
  public int port() {
    if (server == null) {
      throw new IllegalStateException("start() the Schema Registry first");
    }
    return server.getAddress().getPort();
  }

  /** The registry it serves, for tests and tools in the same JVM. */
  public InMemorySchemaRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }

  private void handle(final HttpExchange exchange) throws IOException {
    try (exchange) {
      final SchemaRegistryReply reply = replyTo(exchange);
      final byte[] bytes = json.writeValueAsBytes(reply.body());
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.sendResponseHeaders(reply.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private SchemaRegistryReply replyTo(final HttpExchange exchange) {
    try {
      final byte[] raw = exchange.getRequestBody().readAllBytes();
      final JsonNode body = raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
      return dispatcher.dispatch(exchange.getRequestMethod(), exchange.getRequestURI(), body);
    } catch (final SchemaRegistryException e) {
      return SchemaRegistryReply.error(e.httpStatus(), e.errorCode(), e.registryMessage());
    } catch (final JsonProcessingException e) {
      return SchemaRegistryReply.error(400, 400, "Request body is not valid JSON");
    } catch (final IOException | RuntimeException e) {
      LOG.warn(
          "Schema Registry failed on {} {}",
          exchange.getRequestMethod(),
          exchange.getRequestURI(),
          e);
      return SchemaRegistryReply.error(500, 50001, "Error in the in-memory registry: " + e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    final AtomicInteger count = new AtomicInteger();
    return runnable -> {
      final Thread thread = new Thread(runnable, "schema-registry-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
