package io.paymentnotifier.notify;

import io.paymentnotifier.config.AlipayConfigDef;
import io.paymentnotifier.config.NotifierConfig;
import java.net.URI;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;

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
 * @param signatures signs requests and verifies answers with the chosen crypto provider
 * @param maxAnswerBytes the longest answer body read; a longer one is cut off and retried later
 * @param ioThreads the HTTP client's I/O threads
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
    TrustStore trustStore,
    RsaSigner signatures,
    int maxAnswerBytes,
    int ioThreads) {

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

  /**
   * Settings with the config's defaults for everything but the peer and the keys; signatures by the
   * {@code auto} choice of crypto provider.
   */
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
        null,
        RsaSigner.select(AlipayConfigDef.CRYPTO_PROVIDER_CONFIG, ProviderChoice.AUTO),
        AlipayConfigDef.DEFAULT_MAX_ANSWER_BYTES,
        AlipayConfigDef.DEFAULT_IO_THREADS);
  }

  /** Reads and checks the alipay.* and http.* settings; fails naming the key at fault. */
  public static AlipaySettings from(final NotifierConfig config) {
    return AlipayConfigReader.read(config);
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
        trustStore,
        signatures,
        maxAnswerBytes,
        ioThreads);
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
        trustStore,
        signatures,
        maxAnswerBytes,
        ioThreads);
  }

  /** The same settings signing and verifying with another provider. */
  public AlipaySettings withSignatures(final RsaSigner other) {
    return new AlipaySettings(
        baseUrl,
        clientId,
        keyVersion,
        mppPrivateKey,
        alipayPublicKey,
        acceptUnsignedResponses,
        connectTimeout,
        responseTimeout,
        callTimeout,
        poolMaxTotal,
        poolMaxPerRoute,
        signerThreads,
        trustStore,
        other,
        maxAnswerBytes,
        ioThreads);
  }

  /** The same settings reading answers of at most this many bytes. */
  public AlipaySettings withMaxAnswerBytes(final int limit) {
    return new AlipaySettings(
        baseUrl,
        clientId,
        keyVersion,
        mppPrivateKey,
        alipayPublicKey,
        acceptUnsignedResponses,
        connectTimeout,
        responseTimeout,
        callTimeout,
        poolMaxTotal,
        poolMaxPerRoute,
        signerThreads,
        trustStore,
        signatures,
        limit,
        ioThreads);
  }

  /** The notifyPayment URL used when an event carries no notifyUrl of its own. */
  public URI defaultNotifyUrl() {
    return NotifyTarget.defaultUrl(baseUrl);
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
        + ", crypto="
        + signatures.provider()
        + "]";
  }
}
