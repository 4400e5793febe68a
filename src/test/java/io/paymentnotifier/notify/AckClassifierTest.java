package io.paymentnotifier.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.notify.NotifyOutcome.Kind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AckClassifierTest {

  private static final String PATH = NotifyPaymentApi.PATH;
  private static final String CLIENT = "C1";
  private static final String TIME = "2026-01-01T00:00:00Z";
  private static final Instant STARTED = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration LATENCY = Duration.ofMillis(12);

  /** Answers signed by the JDK's provider, checked by the one {@code auto} picks (native here). */
  private static final RsaSigner CHOSEN = RsaSigner.select("test", ProviderChoice.AUTO);

  private final AckClassifier strict = new AckClassifier(CHOSEN, TestKeys.alipayPublic(), false);

  private static AckClassifier.Answer signedAnswer(final String body) {
    final String signature =
        RsaSigner.jdk().sign(TestKeys.alipayPrivate(), SignedContent.of(PATH, CLIENT, TIME, body));
    return new AckClassifier.Answer(
        PATH, CLIENT, 200, TIME, SignatureHeader.rsa256(1, signature).format(), body);
  }

  private static String ack(final String status, final String code) {
    return new AckResult(status, code, "m").toJson();
  }

  @Test
  void shouldAcknowledgeSignedSuccessAndReportTheCall() {
    // when
    final NotifyOutcome outcome =
        strict.classify(STARTED, LATENCY, signedAnswer(ack("S", "SUCCESS")));
    // then
    assertThat(outcome).isInstanceOf(Acknowledged.class);
    assertThat(outcome.call())
        .isEqualTo(new CallReport(STARTED, LATENCY, 200, "S", "SUCCESS", "m", null));
  }

  @Test
  void shouldRejectSignedFinalFailureWithItsDocumentedAction() {
    // when
    final NotifyOutcome outcome =
        strict.classify(STARTED, LATENCY, signedAnswer(ack("F", "PARAM_ILLEGAL")));
    // then
    assertThat(outcome.kind()).isEqualTo(Kind.REJECTED);
    assertThat(((Rejected) outcome).reason())
        .isEqualTo("F PARAM_ILLEGAL: check header and body fields");
  }

  @Test
  void shouldRetryWhenBodyIsNotTheExpectedJson() {
    // when
    final NotifyOutcome html = strict.classify(STARTED, LATENCY, signedAnswer("<html>busy</html>"));
    final NotifyOutcome noResult = strict.classify(STARTED, LATENCY, signedAnswer("{\"ok\":true}"));
    // then
    assertThat(html.kind()).isEqualTo(Kind.RETRY_LATER);
    assertThat(html.call().error()).isEqualTo("answer is not the expected JSON");
    assertThat(noResult.kind()).isEqualTo(Kind.RETRY_LATER);
  }

  @Test
  void shouldRetryWhenAnswerWasSignedForOtherContent() {
    // given: a valid signature, but the body was changed on the way
    final AckClassifier.Answer signed = signedAnswer(ack("F", "PROCESS_FAIL"));
    final AckClassifier.Answer tampered =
        new AckClassifier.Answer(PATH, CLIENT, 200, TIME, signed.signature(), ack("S", "SUCCESS"));
    // when
    final NotifyOutcome outcome = strict.classify(STARTED, LATENCY, tampered);
    // then
    assertThat(outcome.kind()).isEqualTo(Kind.RETRY_LATER);
    assertThat(outcome.call().error()).isEqualTo("response signature invalid");
  }

  @Test
  void shouldVerifyARepeatedAnswerOnceButStillRefuseItsSignatureOverOtherContent() {
    // given: the same signed answer twice (same second, same body), then its signature reused
    final AckClassifier.Answer signed = signedAnswer(ack("S", "SUCCESS"));
    final AckClassifier.Answer reused =
        new AckClassifier.Answer(
            PATH, CLIENT, 200, "2026-01-01T00:00:01Z", signed.signature(), signed.body());
    // when
    final NotifyOutcome first = strict.classify(STARTED, LATENCY, signed);
    final NotifyOutcome repeat = strict.classify(STARTED, LATENCY, signed);
    final NotifyOutcome otherSecond = strict.classify(STARTED, LATENCY, reused);
    // then
    assertThat(first.kind()).isEqualTo(Kind.ACKNOWLEDGED);
    assertThat(repeat.kind()).isEqualTo(Kind.ACKNOWLEDGED);
    assertThat(otherSecond.kind()).isEqualTo(Kind.RETRY_LATER);
    assertThat(otherSecond.call().error()).isEqualTo("response signature invalid");
    assertThat(strict.signatureVerifications()).isEqualTo(2);
  }

  @Test
  void shouldRetryUnsignedAnswerUnlessConfiguredToAcceptIt() {
    // given
    final AckClassifier.Answer unsigned =
        new AckClassifier.Answer(PATH, CLIENT, 200, null, null, ack("S", "SUCCESS"));
    final AckClassifier lenient = new AckClassifier(CHOSEN, TestKeys.alipayPublic(), true);
    // when / then
    assertThat(strict.classify(STARTED, LATENCY, unsigned).kind()).isEqualTo(Kind.RETRY_LATER);
    assertThat(lenient.classify(STARTED, LATENCY, unsigned).kind()).isEqualTo(Kind.ACKNOWLEDGED);
  }

  @Test
  void shouldRetryEveryHttpStatusOtherThan200() {
    for (final int status : new int[] {400, 404, 408, 429, 500, 502, 503, 504}) {
      // when
      final NotifyOutcome outcome =
          strict.classify(
              STARTED,
              LATENCY,
              new AckClassifier.Answer(PATH, CLIENT, status, null, null, ack("S", "SUCCESS")));
      // then
      assertThat(outcome.kind()).as("HTTP %d", status).isEqualTo(Kind.RETRY_LATER);
      assertThat(((RetryLater) outcome).reason()).isEqualTo("HTTP " + status);
    }
  }
}
