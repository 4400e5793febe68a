package io.paymentnotifier.notify;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns what came back from one call into an outcome: HTTP status, then the body, then the response
 * signature, then the {@link ResultCodes} table.
 */
public final class AckClassifier {

  private final VerifiedSignatures signatures;
  private final boolean acceptUnsigned;

  /**
   * @param signatures verifies with the chosen crypto provider
   * @param alipayPublicKey verifies response signatures; null only when unsigned answers are
   *     accepted
   * @param acceptUnsigned accept an answer that carries no signature at all
   */
  public AckClassifier(
      final RsaSigner signatures, final PublicKey alipayPublicKey, final boolean acceptUnsigned) {
    if (alipayPublicKey == null && !acceptUnsigned) {
      throw new IllegalArgumentException("the Alipay+ public key is needed to verify answers");
    }
    this.signatures =
        alipayPublicKey == null ? null : new VerifiedSignatures(signatures, alipayPublicKey);
    this.acceptUnsigned = acceptUnsigned;
  }

  /**
   * What came back on the wire for one call.
   *
   * @param path the request path the signatures cover
   * @param clientId the request's Client-Id
   * @param httpStatus HTTP status code
   * @param responseTime the Response-Time header, or null
   * @param signature the Signature header, or null
   * @param body the response body as text
   */
  public record Answer(
      String path,
      String clientId,
      int httpStatus,
      String responseTime,
      String signature,
      String body) {}

  /** The outcome of a call that got an answer. */
  public NotifyOutcome classify(
      final Instant startedAt, final Duration latency, final Answer answer) {
    if (answer.httpStatus() != 200) {
      return retry(report(startedAt, latency, answer, null, "HTTP " + answer.httpStatus()));
    }
    final Optional<AckResult> parsed = AckResult.parse(answer.body());
    if (parsed.isEmpty()) {
      return retry(report(startedAt, latency, answer, null, "answer is not the expected JSON"));
    }
    final AckResult ack = parsed.get();
    final String signatureProblem = signatureProblem(answer);
    if (signatureProblem != null) {
      return retry(report(startedAt, latency, answer, ack, signatureProblem));
    }
    final CallReport report = report(startedAt, latency, answer, ack, null);
    final String summary = ack.status() + " " + ack.code();
    return switch (ResultCodes.route(ack.status(), ack.code())) {
      case ACKNOWLEDGED -> new Acknowledged(report);
      case RETRY_LATER -> new RetryLater(report, summary);
      case REJECTED -> new Rejected(report, summary + ": " + ResultCodes.action(ack.code()));
    };
  }

  private String signatureProblem(final Answer answer) {
    final Optional<SignatureHeader> header = SignatureHeader.parse(answer.signature());
    if (header.isEmpty() || answer.responseTime() == null) {
      return acceptUnsigned ? null : CallReport.SIGNATURE_MISSING;
    }
    if (signatures == null) {
      return null;
    }
    final String content =
        SignedContent.of(answer.path(), answer.clientId(), answer.responseTime(), answer.body());
    return signatures.verify(content, header.get().signature())
        ? null
        : CallReport.SIGNATURE_INVALID;
  }

  /** RSA verifications run so far: repeated answers are not verified twice. */
  long signatureVerifications() {
    return signatures == null ? 0 : signatures.verifications();
  }

  private static RetryLater retry(final CallReport report) {
    return new RetryLater(report, report.error());
  }

  private static CallReport report(
      final Instant startedAt,
      final Duration latency,
      final Answer answer,
      final AckResult ack,
      final String error) {
    return new CallReport(
        startedAt,
        latency,
        answer.httpStatus(),
        ack == null ? null : ack.status(),
        ack == null ? null : ack.code(),
        ack == null ? null : ack.message(),
        error);
  }
}
