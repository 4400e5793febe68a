package io.paymentnotifier.notify;

import io.paymentnotifier.events.PaymentFinalized;
import java.net.URI;
import java.util.Locale;

/**
 * Where a payment's notifyPayment call goes: the event's own notifyUrl, or the configured one. The
 * request builder and the overload control (which keys its state by host) share this one rule.
 */
final class NotifyTarget {

  private NotifyTarget() {}

  /** The notifyPayment URL of an Alipay+ base URL: the API path appended. */
  static URI defaultUrl(final URI baseUrl) {
    final String base = baseUrl.toString();
    return URI.create(
        (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + NotifyPaymentApi.PATH);
  }

  /** The event's own notifyUrl when it has one, else {@code defaultUrl}; null when unusable. */
  static URI of(final PaymentFinalized payment, final URI defaultUrl) {
    final String notifyUrl = payment.getNotifyUrl();
    if (notifyUrl == null || notifyUrl.isBlank()) {
      return defaultUrl;
    }
    try {
      final URI url = URI.create(notifyUrl.trim());
      final String scheme = url.getScheme();
      final boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
      return http && url.getHost() != null ? url : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The host of a URL as metrics and logs name it: lower case, with the port when one is set. */
  static String hostOf(final URI url) {
    final String host = url.getHost().toLowerCase(Locale.ROOT);
    return url.getPort() < 0 ? host : host + ":" + url.getPort();
  }
}
