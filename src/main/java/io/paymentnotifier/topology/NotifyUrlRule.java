package io.paymentnotifier.topology;

import io.paymentnotifier.config.NotifyUrlAllowlist;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;

/**
 * When an event's own notifyUrl can be the target of a signed notifyPayment call: an absolute
 * http(s) URL with a host and a path, a port in range, no user-info. A URL that breaks a rule would
 * otherwise fail only at call time: a bad port is retried until the retries run out, and an empty
 * path is signed as "" while the request line says "/", so Alipay+ refuses the signature.
 *
 * <p>Its host must be on the allowlist, and it must be https when the base URL is: a signed call
 * carries the payment's data, and the event's producer must not choose who receives it.
 */
final class NotifyUrlRule {

  private static final int MAX_PORT = 65_535;
  private static final Set<String> HTTP_SCHEMES = Set.of("https", "http");

  private final NotifyUrlAllowlist allowlist;

  NotifyUrlRule(final NotifyUrlAllowlist allowlist) {
    this.allowlist = allowlist;
  }

  /** The broken rule as "notifyUrl: rule", or empty when the URL is null or usable. */
  Optional<String> violation(final String value) {
    if (value == null) {
      return Optional.empty();
    }
    final URI uri = parse(value);
    if (uri == null || uri.getHost() == null || !HTTP_SCHEMES.contains(uri.getScheme())) {
      return fail("must be null or an absolute http(s) URL, was " + PaymentValidator.quote(value));
    }
    if (uri.getRawUserInfo() != null) {
      // The value is left out of the message: user-info is a credential.
      return fail("must not carry user-info (credentials)");
    }
    if (uri.getPort() == 0 || uri.getPort() > MAX_PORT) {
      return fail("port must be 1 to " + MAX_PORT + ", was " + uri.getPort());
    }
    if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
      return fail(
          "must have a path, which the request signature covers, was "
              + PaymentValidator.quote(value));
    }
    return allowed(uri);
  }

  private Optional<String> allowed(final URI uri) {
    if (!allowlist.allows(uri.getHost())) {
      return fail(
          "host "
              + uri.getHost()
              + " is not allowed (alipay.notify.url.allowed.hosts: "
              + allowlist.describe()
              + ")");
    }
    if (allowlist.httpsOnly() && !"https".equals(uri.getScheme())) {
      return fail(
          "must be https like alipay.base.url, was "
              + uri.getScheme()
              + " to host "
              + uri.getHost());
    }
    return Optional.empty();
  }

  private static URI parse(final String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static Optional<String> fail(final String rule) {
    return Optional.of("notifyUrl: " + rule);
  }
}
