package io.paymentnotifier.simulator;

import com.fasterxml.jackson.databind.JsonNode;
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
      final SimulatorRequest request,
      final JsonNode json,
      final PublicKey mppPublicKey,
      final RsaSigner signatures) {
    if (!NotifyPaymentApi.METHOD.equals(request.method())) {
      return Answer.f("METHOD_NOT_SUPPORTED", "use POST");
    }
    final String contentType = request.header("Content-Type");
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      return Answer.f("MEDIA_TYPE_NOT_ACCEPTABLE", "send application/json; charset=UTF-8");
    }
    final String clientId = request.header(NotifyPaymentApi.CLIENT_ID);
    final String requestTime = request.header(NotifyPaymentApi.REQUEST_TIME);
    if (clientId == null || clientId.isBlank() || requestTime == null || requestTime.isBlank()) {
      return Answer.f("PARAM_ILLEGAL", "the Client-Id and Request-Time headers are required");
    }
    if (mppPublicKey != null
        && !signatureValid(request, clientId, requestTime, mppPublicKey, signatures)) {
      return Answer.f("INVALID_SIGNATURE", "the request signature does not verify");
    }
    return RequestChecks.problem(json).map(p -> Answer.f("PARAM_ILLEGAL", p)).orElse(null);
  }

  private static boolean signatureValid(
      final SimulatorRequest request,
      final String clientId,
      final String requestTime,
      final PublicKey mppPublicKey,
      final RsaSigner signatures) {
    final Optional<SignatureHeader> header =
        SignatureHeader.parse(request.header(NotifyPaymentApi.SIGNATURE));
    if (header.isEmpty() || !SignatureHeader.RSA256.equals(header.get().algorithm())) {
      return false;
    }
    final String content = SignedContent.of(request.path(), clientId, requestTime, request.body());
    return signatures.verify(mppPublicKey, content, header.get().signature());
  }
}
