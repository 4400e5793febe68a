package io.paymentnotifier.topology;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;

/**
 * When an event's own notifyUrl can be the target of a signed notifyPayment call: an absolute
 * http(s) URL with a host and a path, a port in range, no user-info. A URL that breaks a rule would
 * otherwise fail only at call time: a bad port is retried until the retries run out, and an empty
 * path is signed as "" while the request line says "/", so Alipay+ refuses the signature.
 */
final class NotifyUrlRule {

  private static final int MAX_PORT = 65_535;
  private static final Set<String> HTTP_SCHEMES = Set.of("https", "http");

  private NotifyUrlRule() {}

  /** The broken rule as "notifyUrl: rule", or empty when the URL is null or usable. */
  static Optional<String> violation(final String value) {
    if (value == null) {
      return Optional.empty();
    }
    final URI uri = parse(value);
    if (uri == null || uri.getHost() == null || !HTTP_SCHEMES.contains(uri.getScheme())) {
      return fail("must be null or an absolute http(s) URL, was \"" + value + "\"");
    }
    if (uri.getRawUserInfo() != null) {
      // The value is left out of the message: user-info is a credential.
      return fail("must not carry user-info (credentials)");
    }
    if (uri.getPort() == 0 || uri.getPort() > MAX_PORT) {
      return fail("port must be 1 to " + MAX_PORT + ", was " + uri.getPort());
    }
    if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
      return fail("must have a path, which the request signature covers, was \"" + value + "\"");
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
