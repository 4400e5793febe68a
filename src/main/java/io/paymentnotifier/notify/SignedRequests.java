package io.paymentnotifier.notify;

import io.paymentnotifier.events.PaymentFinalized;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;

/**
 * Builds the signed HTTP request of one attempt: same body every time, fresh time and signature.
 */
final class SignedRequests {

  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

  private final AlipaySettings settings;
  private final URI defaultUrl;
  private final Clock clock;

  SignedRequests(final AlipaySettings settings, final Clock clock) {
    this.settings = settings;
    this.defaultUrl = settings.defaultNotifyUrl();
    this.clock = clock;
  }

  /** The event's own notifyUrl when it has one, else the configured one; null when unusable. */
  URI target(final PaymentFinalized payment) {
    return NotifyTarget.of(payment, defaultUrl);
  }

  /** The POST of this body to the URL, signed now (about 1 ms of CPU). */
  SimpleHttpRequest signed(final URI url, final String body) {
    final String requestTime = REQUEST_TIME.format(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    final String content =
        SignedContent.of(url.getRawPath(), settings.clientId(), requestTime, body);
    final String signature =
        SignatureHeader.rsa256(
                settings.keyVersion(),
                settings.signatures().sign(settings.mppPrivateKey(), content))
            .format();
    return SimpleRequestBuilder.post(url)
        .setHeader(NotifyPaymentApi.CLIENT_ID, settings.clientId())
        .setHeader(NotifyPaymentApi.REQUEST_TIME, requestTime)
        .setHeader(NotifyPaymentApi.SIGNATURE, signature)
        .setBody(body.getBytes(StandardCharsets.UTF_8), NotifyPaymentApi.CONTENT_TYPE)
        .build();
  }
}
