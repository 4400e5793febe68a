package io.paymentnotifier.simulator;

import com.sun.net.httpserver.HttpExchange;
import io.paymentnotifier.notify.NotifyPaymentApi;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Puts answers on the wire after their simulated latency, from a scheduler: no thread sleeps per
 * request, so thousands can wait at once. Also drops connections and holds unanswered requests.
 */
final class AnswerSender {

  private static final DateTimeFormatter RESPONSE_TIME =
      DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

  private final ScheduledExecutorService scheduler;
  private final ResponseSigner signer;
  private final Set<HttpExchange> held = ConcurrentHashMap.newKeySet();

  AnswerSender(final ScheduledExecutorService scheduler, final ResponseSigner signer) {
    this.scheduler = scheduler;
    this.signer = signer;
  }

  void send(final HttpExchange exchange, final Answer answer, final SimulatorFaults faults) {
    if (answer.kind() == Answer.Kind.NO_ANSWER) {
      hold(exchange, faults.noAnswerHold());
      return;
    }
    final Duration delay = faults.latency().sample(ThreadLocalRandom.current());
    if (delay.isZero() || delay.isNegative()) {
      deliver(exchange, answer);
    } else {
      scheduler.schedule(() -> deliver(exchange, answer), delay.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /** Closes the connections of requests still held unanswered. */
  void releaseHeld() {
    held.forEach(HttpExchange::close);
    held.clear();
  }

  private void hold(final HttpExchange exchange, final Duration hold) {
    held.add(exchange);
    scheduler.schedule(
        () -> {
          if (held.remove(exchange)) {
            exchange.close();
          }
        },
        hold.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void deliver(final HttpExchange exchange, final Answer answer) {
    try {
      if (answer.kind() == Answer.Kind.REPLY) {
        reply(exchange, answer);
      }
    } catch (IOException e) {
      // The client went away first (its timeout); nothing is left to answer.
    } finally {
      // Without a response sent, closing the exchange closes the connection: a dropped call.
      exchange.close();
    }
  }

  private void reply(final HttpExchange exchange, final Answer answer) throws IOException {
    final String body = answer.ack() == null ? "" : answer.ack().toJson();
    final var headers = exchange.getResponseHeaders();
    if (answer.ack() != null) {
      final String responseTime =
          RESPONSE_TIME.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
      headers.set("Content-Type", NotifyPaymentApi.CONTENT_TYPE.toString());
      headers.set(NotifyPaymentApi.RESPONSE_TIME, responseTime);
      if (answer.signing() != Answer.Signing.UNSIGNED) {
        final String clientId = exchange.getRequestHeaders().getFirst(NotifyPaymentApi.CLIENT_ID);
        headers.set(
            NotifyPaymentApi.SIGNATURE,
            signer.header(
                exchange.getRequestURI().getRawPath(),
                clientId == null ? "" : clientId,
                responseTime,
                body,
                answer.signing() == Answer.Signing.BAD_SIGNATURE));
      }
    }
    final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(answer.httpStatus(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
