package io.paymentnotifier.simulator;

import io.paymentnotifier.notify.NotifyPaymentApi;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
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
  private final Set<Exchange> held = ConcurrentHashMap.newKeySet();

  AnswerSender(final ScheduledExecutorService scheduler, final ResponseSigner signer) {
    this.scheduler = scheduler;
    this.signer = signer;
  }

  void send(final Exchange exchange, final Answer answer, final SimulatorFaults faults) {
    if (answer.kind() == Answer.Kind.NO_ANSWER) {
      hold(exchange, faults.noAnswerHold());
      return;
    }
    final Duration delay = faults.latency().sample(ThreadLocalRandom.current());
    final int oversize = faults.oversizeBytes();
    if (delay.isZero() || delay.isNegative()) {
      deliver(exchange, answer, oversize);
    } else {
      scheduler.schedule(
          () -> deliver(exchange, answer, oversize), delay.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /** Closes the connections of requests still held unanswered. */
  void releaseHeld() {
    held.forEach(Exchange::drop);
    held.clear();
  }

  private void hold(final Exchange exchange, final Duration hold) {
    held.add(exchange);
    exchange.hold();
    scheduler.schedule(
        () -> {
          if (held.remove(exchange)) {
            exchange.drop();
          }
        },
        hold.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void deliver(final Exchange exchange, final Answer answer, final int oversizeBytes) {
    if (answer.kind() != Answer.Kind.REPLY) {
      exchange.drop();
      return;
    }
    final String body = body(answer, oversizeBytes);
    final Map<String, String> headers = headers(exchange.request(), answer, body);
    if (answer.location() != null) {
      headers.put("Location", answer.location().toString());
    }
    exchange.reply(
        answer.httpStatus(), headers, body, answer.body() == Answer.Body.OVERSIZE_CHUNKED);
  }

  /**
   * The acknowledgment as JSON; padded with a {@code padding} field to {@code oversizeBytes} for an
   * oversize answer, which stays a valid, signed acknowledgment for a client that reads it all.
   */
  static String body(final Answer answer, final int oversizeBytes) {
    if (answer.ack() == null) {
      return "";
    }
    final String json = answer.ack().toJson();
    if (answer.body() == Answer.Body.EXACT) {
      return json;
    }
    final String field = ",\"padding\":\"\"}";
    final int padding = Math.max(0, oversizeBytes - json.length() + 1 - field.length());
    return json.substring(0, json.length() - 1) + ",\"padding\":\"" + "x".repeat(padding) + "\"}";
  }

  /** Response-Time and, unless the fault says otherwise, Signature of an acknowledgment. */
  private Map<String, String> headers(
      final SimulatorRequest request, final Answer answer, final String body) {
    final Map<String, String> headers = new LinkedHashMap<>();
    if (answer.ack() == null) {
      return headers;
    }
    final String responseTime = RESPONSE_TIME.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    headers.put(NotifyPaymentApi.RESPONSE_TIME, responseTime);
    if (answer.signing() != Answer.Signing.UNSIGNED) {
      final String clientId = request.header(NotifyPaymentApi.CLIENT_ID);
      headers.put(
          NotifyPaymentApi.SIGNATURE,
          signer.header(
              request.path(),
              clientId == null ? "" : clientId,
              responseTime,
              body,
              answer.signing() == Answer.Signing.BAD_SIGNATURE));
    }
    return headers;
  }
}
