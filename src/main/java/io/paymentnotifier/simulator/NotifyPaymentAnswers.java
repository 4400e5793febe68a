package io.paymentnotifier.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.paymentnotifier.notify.AckResult;
import io.paymentnotifier.notify.NotifyOutcome.Kind;
import io.paymentnotifier.notify.ResultCodes;
import io.paymentnotifier.notify.RsaSigner;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides the answer to one notifyPayment request as Alipay+ would, faults first: transport faults,
 * then protocol checks (method, media type, headers, signature, body), then idempotency, then the
 * business answer. A new fault mode is a field of {@link SimulatorFaults} and a rule here.
 */
final class NotifyPaymentAnswers {

  private final PublicKey mppPublicKey;
  private final RsaSigner signatures;
  private final PaymentLedger ledger = new PaymentLedger();

  NotifyPaymentAnswers(final PublicKey mppPublicKey, final RsaSigner signatures) {
    this.mppPublicKey = mppPublicKey;
    this.signatures = signatures;
  }

  /** The answer to this request, its body already read as JSON (null when it is not JSON). */
  Answer decide(
      final SimulatorRequest request,
      final JsonNode json,
      final String paymentRequestId,
      final SimulatorFaults current) {
    final Answer transport = transportFault(current);
    if (transport != null) {
      return transport;
    }
    final Answer protocol = RequestProtocol.problem(request, json, mppPublicKey, signatures);
    if (protocol != null) {
      return withSigningFault(protocol, current);
    }
    final Answer business = business(paymentRequestId, request.body(), current);
    return withBodyFault(withSigningFault(business, current), current);
  }

  private static Answer transportFault(final SimulatorFaults f) {
    if (f.outage() != null && f.outage().covers(Instant.now())) {
      return Answer.http(503);
    }
    if (roll(f.dropRate())) {
      return Answer.drop();
    }
    if (roll(f.redirectRate())) {
      return Answer.redirect(f.redirectTo());
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

  /** A signed acknowledgment padded past any sane limit: only a client that reads it all sees S. */
  private static Answer withBodyFault(final Answer answer, final SimulatorFaults f) {
    if (roll(f.oversizeRate())) {
      return answer.sent(Answer.Body.OVERSIZE);
    }
    return roll(f.oversizeChunkedRate()) ? answer.sent(Answer.Body.OVERSIZE_CHUNKED) : answer;
  }

  private static boolean roll(final double rate) {
    return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
  }
}
