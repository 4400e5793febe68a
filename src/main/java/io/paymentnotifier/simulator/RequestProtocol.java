package io.paymentnotifier.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.paymentnotifier.notify.NotifyPaymentApi;
import io.paymentnotifier.notify.RsaSigner;
import io.paymentnotifier.notify.SignatureHeader;
import io.paymentnotifier.notify.SignedContent;
import java.security.PublicKey;
import java.util.Locale;
import java.util.Optional;

/** The protocol checks of a notifyPayment request, each answered with its documented F code. */
final class RequestProtocol {

  private RequestProtocol() {}

  /** The F answer for the first failed check, or null when the request passes them all. */
  static Answer problem(
      final HttpExchange exchange,
      final String body,
      final JsonNode json,
      final PublicKey mppPublicKey,
      final RsaSigner signatures) {
    if (!NotifyPaymentApi.METHOD.equals(exchange.getRequestMethod())) {
      return Answer.f("METHOD_NOT_SUPPORTED", "use POST");
    }
    final String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      return Answer.f("MEDIA_TYPE_NOT_ACCEPTABLE", "send application/json; charset=UTF-8");
    }
    final String clientId = exchange.getRequestHeaders().getFirst(NotifyPaymentApi.CLIENT_ID);
    final String requestTime = exchange.getRequestHeaders().getFirst(NotifyPaymentApi.REQUEST_TIME);
    if (clientId == null || clientId.isBlank() || requestTime == null || requestTime.isBlank()) {
      return Answer.f("PARAM_ILLEGAL", "the Client-Id and Request-Time headers are required");
    }
    if (mppPublicKey != null
        && !signatureValid(exchange, clientId, requestTime, body, mppPublicKey, signatures)) {
      return Answer.f("INVALID_SIGNATURE", "the request signature does not verify");
    }
    return RequestChecks.problem(json).map(p -> Answer.f("PARAM_ILLEGAL", p)).orElse(null);
  }

  private static boolean signatureValid(
      final HttpExchange exchange,
      final String clientId,
      final String requestTime,
      final String body,
      final PublicKey mppPublicKey,
      final RsaSigner signatures) {
    final Optional<SignatureHeader> header =
        SignatureHeader.parse(exchange.getRequestHeaders().getFirst(NotifyPaymentApi.SIGNATURE));
    if (header.isEmpty() || !SignatureHeader.RSA256.equals(header.get().algorithm())) {
      return false;
    }
    final String content =
        SignedContent.of(exchange.getRequestURI().getRawPath(), clientId, requestTime, body);
    return signatures.verify(mppPublicKey, content, header.get().signature());
  }
}
