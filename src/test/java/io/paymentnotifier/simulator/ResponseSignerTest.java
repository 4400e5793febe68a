package io.paymentnotifier.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.notify.NotifyPaymentApi;
import io.paymentnotifier.notify.ProviderChoice;
import io.paymentnotifier.notify.RsaSigner;
import io.paymentnotifier.notify.SignatureHeader;
import io.paymentnotifier.notify.SignedContent;
import io.paymentnotifier.notify.TestKeys;
import org.junit.jupiter.api.Test;

class ResponseSignerTest {

  private static final String PATH = NotifyPaymentApi.PATH;
  private static final String BODY =
      "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\"}}";

  private final ResponseSigner signer =
      new ResponseSigner(
          RsaSigner.select("--crypto-provider", ProviderChoice.AUTO), TestKeys.alipayPrivate());

  @Test
  void shouldSignTheSameTimeAndBodyOnlyOnce() {
    // when
    final String first = signer.header(PATH, "C", "2026-01-01T00:00:01Z", BODY, false);
    final String again = signer.header(PATH, "C", "2026-01-01T00:00:01Z", BODY, false);
    final String nextSecond = signer.header(PATH, "C", "2026-01-01T00:00:02Z", BODY, false);
    // then
    assertThat(again).isEqualTo(first);
    assertThat(nextSecond).isNotEqualTo(first);
    assertThat(signer.signaturesMade()).isEqualTo(2);
  }

  @Test
  void shouldMakeValidSignaturesAndTamperedOnesThatFail() {
    // when
    final String valid = signer.header(PATH, "C", "T", BODY, false);
    final String tampered = signer.header(PATH, "C", "T", BODY, true);
    // then
    final String content = SignedContent.of(PATH, "C", "T", BODY);
    assertThat(verifies(valid, content)).isTrue();
    assertThat(verifies(tampered, content)).isFalse();
  }

  private static boolean verifies(final String header, final String content) {
    return RsaSigner.jdk()
        .verify(
            TestKeys.alipayPublic(),
            content,
            SignatureHeader.parse(header).orElseThrow().signature());
  }
}
