package io.paymentnotifier.notify;

import static io.paymentnotifier.config.AlipayConfigDef.*;

import io.paymentnotifier.config.Durations;
import io.paymentnotifier.config.NotifierConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** Turns the alipay.* and http.* config into {@link AlipaySettings}, loading and checking keys. */
final class AlipayConfigReader {

  private AlipayConfigReader() {}

  /** The settings of this config, keys loaded and checked. */
  static AlipaySettings read(final NotifierConfig config) {
    final RsaSigner signatures =
        RsaSigner.select(
            CRYPTO_PROVIDER_CONFIG,
            ProviderChoice.parse(CRYPTO_PROVIDER_CONFIG, config.getString(CRYPTO_PROVIDER_CONFIG)));
    final RSAPrivateKey privateKey = mppPrivateKey(config, signatures);
    final boolean acceptUnsigned = config.getBoolean(ACCEPT_UNSIGNED_CONFIG);
    final RSAPublicKey alipayKey = alipayPublicKey(config, acceptUnsigned);
    return new AlipaySettings(
        URI.create(config.getString(BASE_URL_CONFIG).trim()),
        config.getString(CLIENT_ID_CONFIG),
        config.getInt(KEY_VERSION_CONFIG),
        privateKey,
        alipayKey,
        acceptUnsigned,
        duration(config, CONNECT_TIMEOUT_CONFIG),
        duration(config, RESPONSE_TIMEOUT_CONFIG),
        duration(config, CALL_TIMEOUT_CONFIG),
        config.getInt(POOL_MAX_TOTAL_CONFIG),
        config.getInt(POOL_MAX_PER_ROUTE_CONFIG),
        signerThreads(config.getInt(SIGNER_THREADS_CONFIG)),
        trustStore(config),
        signatures,
        config.getInt(MAX_ANSWER_BYTES_CONFIG),
        config.getInt(IO_THREADS_CONFIG));
  }

  private static RSAPrivateKey mppPrivateKey(
      final NotifierConfig config, final RsaSigner signatures) {
    final KeyMaterial material =
        material(config, PRIVATE_KEY_FILE_CONFIG, PRIVATE_KEY_CONFIG)
            .orElseThrow(
                () ->
                    new ConfigException(
                        PRIVATE_KEY_FILE_CONFIG
                            + ": the MPP private key is required: set "
                            + PRIVATE_KEY_FILE_CONFIG
                            + " or "
                            + PRIVATE_KEY_CONFIG));
    final RSAPrivateKey key = material.privateKey();
    final RSAPublicKey pair =
        material(config, MPP_PUBLIC_KEY_FILE_CONFIG, MPP_PUBLIC_KEY_CONFIG)
            .map(KeyMaterial::publicKey)
            .orElse(null);
    Keys.requireUsable(material.source(), key, pair, signatures);
    return key;
  }

  private static RSAPublicKey alipayPublicKey(
      final NotifierConfig config, final boolean acceptUnsigned) {
    final Optional<KeyMaterial> material =
        material(config, PUBLIC_KEY_FILE_CONFIG, PUBLIC_KEY_CONFIG);
    if (material.isEmpty() && !acceptUnsigned) {
      throw new ConfigException(
          PUBLIC_KEY_FILE_CONFIG
              + ": the Alipay+ public key is required to verify answers: set "
              + PUBLIC_KEY_FILE_CONFIG
              + " or "
              + PUBLIC_KEY_CONFIG
              + " (or "
              + ACCEPT_UNSIGNED_CONFIG
              + "=true)");
    }
    return material.map(KeyMaterial::publicKey).orElse(null);
  }

  private static Optional<KeyMaterial> material(
      final NotifierConfig config, final String fileKey, final String inlineKey) {
    final Password inline = config.getPassword(inlineKey);
    return KeyMaterial.fromFileOrInline(
        fileKey, config.getString(fileKey), inlineKey, inline == null ? null : inline.value());
  }

  private static AlipaySettings.TrustStore trustStore(final NotifierConfig config) {
    final String path = config.getString(TRUSTSTORE_PATH_CONFIG);
    if (path == null || path.isBlank()) {
      return null;
    }
    if (!Files.isReadable(Path.of(path.trim()))) {
      throw new ConfigException(
          TRUSTSTORE_PATH_CONFIG + ": file " + path.trim() + " not found or not readable");
    }
    final Password password = config.getPassword(TRUSTSTORE_PASSWORD_CONFIG);
    return new AlipaySettings.TrustStore(
        Path.of(path.trim()),
        password == null ? null : password.value(),
        config.getString(TRUSTSTORE_TYPE_CONFIG));
  }

  private static Duration duration(final NotifierConfig config, final String key) {
    return Durations.parse(config.getString(key));
  }

  private static int signerThreads(final int configured) {
    return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
  }
}
