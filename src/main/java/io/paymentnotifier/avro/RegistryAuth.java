package io.paymentnotifier.avro;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The {@code Authorization} header for registry requests: basic auth from the URL's user-info or
 * {@code basic.auth.user.info}, or a static bearer token. Never logs or prints a credential.
 */
final class RegistryAuth {

  private final String source;
  private final Password userInfo;
  private final Password bearerToken;

  private RegistryAuth(final String source, final Password userInfo, final Password bearerToken) {
    this.source = source;
    this.userInfo = userInfo;
    this.bearerToken = bearerToken;
  }

  static RegistryAuth from(final AvroSerdeConfig config) {
    final boolean bearer =
        config.isSet(AvroSerdeConfig.BEARER_AUTH_SOURCE)
            || config.isSet(AvroSerdeConfig.BEARER_AUTH_TOKEN);
    return new RegistryAuth(
        config.getString(AvroSerdeConfig.BASIC_AUTH_SOURCE),
        config.getPassword(AvroSerdeConfig.BASIC_AUTH_USER_INFO),
        bearer ? config.getPassword(AvroSerdeConfig.BEARER_AUTH_TOKEN) : null);
  }

  /** The header value for a request to this configured URL (which may carry user-info). */
  Optional<String> authorization(final URI configuredUrl) {
    if (bearerToken != null) {
      return Optional.of("Bearer " + bearerToken.value());
    }
    if ("USER_INFO".equals(source)) {
      return Optional.of(basic(userInfo.value()));
    }
    final String urlUserInfo = configuredUrl.getRawUserInfo();
    if (urlUserInfo == null || urlUserInfo.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(basic(URLDecoder.decode(urlUserInfo, StandardCharsets.UTF_8)));
  }

  /** The URL as configured, minus credentials, for requests and messages. */
  static URI withoutUserInfo(final URI url) {
    try {
      return new URI(
          url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null);
    } catch (final URISyntaxException e) {
      throw new ConfigException(AvroSerdeConfig.URL, "(hidden)", "not a URL: " + e.getReason());
    }
  }

  private static String basic(final String userAndPassword) {
    return "Basic "
        + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }
}
