package io.paymentnotifier.notify;

import static io.paymentnotifier.config.AlipayConfigDef.*;

import io.paymentnotifier.config.Durations;
import io.paymentnotifier.config.NotifierConfig;
import java.net.URI;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Everything the notify client needs, typed and checked: where Alipay+ is, who we are, the keys,
 * and the HTTP limits.
 *
 * @param baseUrl Alipay+ host, e.g. https://open-sea-global.alipayplus.com; the API path is added
 * @param clientId the Client-Id Alipay+ issued
 * @param keyVersion keyVersion of the Signature header
 * @param mppPrivateKey signs requests
 * @param alipayPublicKey verifies answers; null only when unsigned answers are accepted
 * @param acceptUnsignedResponses accept answers without a Signature header
 * @param connectTimeout TCP (and TLS) connect limit
 * @param responseTimeout wait for the answer once the request is sent
 * @param callTimeout the whole call, signing and pool wait included
 * @param poolMaxTotal pooled connections in all
 * @param poolMaxPerRoute pooled connections per host
 * @param signerThreads threads that sign requests off the caller's thread
 * @param trustStore TLS trust store; null uses the JVM's
 */
public record AlipaySettings(
    URI baseUrl,
    String clientId,
    int keyVersion,
    RSAPrivateKey mppPrivateKey,
    RSAPublicKey alipayPublicKey,
    boolean acceptUnsignedResponses,
    Duration connectTimeout,
    Duration responseTimeout,
    Duration callTimeout,
    int poolMaxTotal,
    int poolMaxPerRoute,
    int signerThreads,
    TrustStore trustStore) {

  /**
   * A trust store file for TLS to Alipay+.
   *
   * @param path the file
   * @param password its password, or null
   * @param type PKCS12 or JKS
   */
  public record TrustStore(Path path, String password, String type) {
    @Override
    public String toString() {
      return "TrustStore[" + path + ", " + type + "]";
    }
  }

  /** Settings with the config's defaults for everything but the peer and the keys. */
  public static AlipaySettings of(
      final URI baseUrl,
      final String clientId,
      final RSAPrivateKey mppPrivateKey,
      final RSAPublicKey alipayPublicKey) {
    return new AlipaySettings(
        baseUrl,
        clientId,
        1,
        mppPrivateKey,
        alipayPublicKey,
        false,
        Duration.ofSeconds(3),
        Duration.ofSeconds(10),
        Duration.ofSeconds(15),
        512,
        256,
        Runtime.getRuntime().availableProcessors(),
        null);
  }

  /** Reads and checks the alipay.* and http.* settings; fails naming the key at fault. */
  public static AlipaySettings from(final NotifierConfig config) {
    final RSAPrivateKey privateKey = mppPrivateKey(config);
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
        trustStore(config));
  }

  /** The same settings with another overall call timeout. */
  public AlipaySettings withCallTimeout(final Duration timeout) {
    return new AlipaySettings(
        baseUrl,
        clientId,
        keyVersion,
        mppPrivateKey,
        alipayPublicKey,
        acceptUnsignedResponses,
        connectTimeout,
        responseTimeout,
        timeout,
        poolMaxTotal,
        poolMaxPerRoute,
        signerThreads,
        trustStore);
  }

  /** The same settings with unsigned answers accepted or not. */
  public AlipaySettings withAcceptUnsignedResponses(final boolean accept) {
    return new AlipaySettings(
        baseUrl,
        clientId,
        keyVersion,
        mppPrivateKey,
        alipayPublicKey,
        accept,
        connectTimeout,
        responseTimeout,
        callTimeout,
        poolMaxTotal,
        poolMaxPerRoute,
        signerThreads,
        trustStore);
  }

  /** The notifyPayment URL used when an event carries no notifyUrl of its own. */
  public URI defaultNotifyUrl() {
    final String base = baseUrl.toString();
    return URI.create(
        (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + NotifyPaymentApi.PATH);
  }

  /** Never prints key material. */
  @Override
  public String toString() {
    return "AlipaySettings[baseUrl="
        + baseUrl
        + ", clientId="
        + clientId
        + ", keyVersion="
        + keyVersion
        + ", acceptUnsignedResponses="
        + acceptUnsignedResponses
        + ", callTimeout="
        + callTimeout
        + ", pool="
        + poolMaxTotal
        + "/"
        + poolMaxPerRoute
        + "]";
  }

  private static RSAPrivateKey mppPrivateKey(final NotifierConfig config) {
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
    Keys.requireUsable(material.source(), key, pair);
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

  private static TrustStore trustStore(final NotifierConfig config) {
    final String path = config.getString(TRUSTSTORE_PATH_CONFIG);
    if (path == null || path.isBlank()) {
      return null;
    }
    final Password password = config.getPassword(TRUSTSTORE_PASSWORD_CONFIG);
    return new TrustStore(
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
