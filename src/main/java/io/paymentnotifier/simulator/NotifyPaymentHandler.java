package io.paymentnotifier.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.paymentnotifier.notify.AckResult;
import io.paymentnotifier.notify.NotifyOutcome.Kind;
import io.paymentnotifier.notify.ResultCodes;
import io.paymentnotifier.notify.RsaSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Decides the answer to one notifyPayment request as Alipay+ would, faults first: transport faults,
 * then protocol checks (method, media type, headers, signature, body), then idempotency, then the
 * business answer.
 */
final class NotifyPaymentHandler implements HttpHandler {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PublicKey mppPublicKey;
  private final RsaSigner signatures;
  private final Supplier<SimulatorFaults> faults;
  private final SimulatorStats stats;
  private final AnswerSender sender;
  private final PaymentLedger ledger = new PaymentLedger();

  NotifyPaymentHandler(
      final PublicKey mppPublicKey,
      final RsaSigner signatures,
      final Supplier<SimulatorFaults> faults,
      final SimulatorStats stats,
      final AnswerSender sender) {
    this.mppPublicKey = mppPublicKey;
    this.signatures = signatures;
    this.faults = faults;
    this.stats = stats;
    this.sender = sender;
  }

  @Override
  public void handle(final HttpExchange exchange) throws IOException {
    final String body =
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    final JsonNode json = readJson(body);
    final String paymentRequestId = json == null ? null : textOrNull(json.get("paymentRequestId"));
    stats.countRequest(paymentRequestId);
    final SimulatorFaults current = faults.get();
    final Answer answer = decide(exchange, body, json, paymentRequestId, current);
    stats.countAnswer(answer.label());
    sender.send(exchange, answer, current);
  }

  private Answer decide(
      final HttpExchange exchange,
      final String body,
      final JsonNode json,
      final String paymentRequestId,
      final SimulatorFaults current) {
    final Answer transport = transportFault(current);
    if (transport != null) {
      return transport;
    }
    final Answer protocol = RequestProtocol.problem(exchange, body, json, mppPublicKey, signatures);
    if (protocol != null) {
      return withSigningFault(protocol, current);
    }
    return withSigningFault(business(paymentRequestId, body, current), current);
  }

  private static Answer transportFault(final SimulatorFaults f) {
    if (f.outage() != null && f.outage().covers(Instant.now())) {
      return Answer.http(503);
    }
    if (roll(f.dropRate())) {
      return Answer.drop();
    }
    if (roll(f.noAnswerRate())) {
      return Answer.noAnswer();
    }
    if (roll(f.http500Rate())) {
      return Answer.http(500);
    }
    if (roll(f.http503Rate())) {
      return Answer.http(503);
    }
    return roll(f.http429Rate()) ? Answer.http(429) : null;
  }

  private Answer business(final String id, final String body, final SimulatorFaults f) {
    switch (ledger.check(id, body)) {
      case INCONSISTENT:
        return Answer.f(
            "REPEAT_REQ_INCONSISTENT", "a request with this paymentRequestId had another body");
      case REPEAT:
        return Answer.ack(ledger.finalAnswer(id));
      default:
        break;
    }
    if (roll(f.unknownRate())) {
      return Answer.ack(new AckResult("U", "UNKNOWN_EXCEPTION", "simulated unknown exception"));
    }
    for (final Map.Entry<String, Double> failCode : f.failCodeRates().entrySet()) {
      if (roll(failCode.getValue())) {
        final AckResult failed = new AckResult("F", failCode.getKey(), "simulated failure");
        if (ResultCodes.route("F", failCode.getKey()) == Kind.REJECTED) {
          ledger.recordFinal(id, failed);
        }
        return Answer.ack(failed);
      }
    }
    final AckResult success = new AckResult("S", "SUCCESS", "success");
    ledger.recordFinal(id, success);
    return Answer.ack(success);
  }

  private static Answer withSigningFault(final Answer answer, final SimulatorFaults f) {
    if (roll(f.unsignedRate())) {
      return answer.signed(Answer.Signing.UNSIGNED);
    }
    return roll(f.badSignatureRate()) ? answer.signed(Answer.Signing.BAD_SIGNATURE) : answer;
  }

  private static boolean roll(final double rate) {
    return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
  }

  private static JsonNode readJson(final String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static String textOrNull(final JsonNode node) {
    return node != null && node.isTextual() ? node.asText() : null;
  }
}
