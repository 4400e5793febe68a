package io.paymentnotifier.avro;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server that answers registry requests from a script, the way the spec says a
 * registry answers, and records what it was sent.
 */
final class ScriptedRegistryServer implements AutoCloseable {

  /** One scripted answer. */
  record Answer(int status, String contentType, String body) {}

  /** One request as received. */
  record Received(
      String method, String rawPath, String query, Map<String, List<String>> headers, String body) {
    String header(final String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private Answer fallback = json(500, "{\"error_code\":50001,\"message\":\"no answer scripted\"}");

  ScriptedRegistryServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  static Answer json(final int status, final String body) {
    return new Answer(status, RegistryHttp.CONTENT_TYPE, body);
  }

  static Answer html(final int status, final String body) {
    return new Answer(status, "text/html", body);
  }

  /** Queues answers, given in order; once they are used up, every request gets the fallback. */
  synchronized ScriptedRegistryServer answer(final Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  synchronized ScriptedRegistryServer always(final Answer answer) {
    fallback = answer;
    return this;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int port() {
    return server.getAddress().getPort();
  }

  List<Received> received() {
    return received;
  }

  private void handle(final HttpExchange exchange) throws IOException {
    try (exchange) {
      final String body =
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              Map.copyOf(exchange.getRequestHeaders()),
              body));
      final Answer answer = next();
      final byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private synchronized Answer next() {
    return script.isEmpty() ? fallback : script.poll();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
