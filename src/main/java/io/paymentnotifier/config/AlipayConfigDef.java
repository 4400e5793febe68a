package io.paymentnotifier.config;

import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/** How to reach, sign for and trust Alipay+ (the notify package reads these). */
public final class AlipayConfigDef {

  public static final String BASE_URL_CONFIG = "alipay.base.url";
  public static final String CLIENT_ID_CONFIG = "alipay.client.id";
  public static final String KEY_VERSION_CONFIG = "alipay.key.version";
  public static final String PRIVATE_KEY_FILE_CONFIG = "alipay.private.key.file";
  public static final String PRIVATE_KEY_CONFIG = "alipay.private.key";
  public static final String PUBLIC_KEY_FILE_CONFIG = "alipay.public.key.file";
  public static final String PUBLIC_KEY_CONFIG = "alipay.public.key";
  public static final String MPP_PUBLIC_KEY_FILE_CONFIG = "alipay.mpp.public.key.file";
  public static final String MPP_PUBLIC_KEY_CONFIG = "alipay.mpp.public.key";
  public static final String SIGNER_THREADS_CONFIG = "alipay.signer.threads";
  public static final String ACCEPT_UNSIGNED_CONFIG = "alipay.accept.unsigned.responses";
  public static final String CRYPTO_PROVIDER_CONFIG = "alipay.crypto.provider";
  public static final String NOTIFY_URL_ALLOWED_HOSTS_CONFIG = "alipay.notify.url.allowed.hosts";

  public static final String CONNECT_TIMEOUT_CONFIG = "http.connect.timeout";
  public static final String RESPONSE_TIMEOUT_CONFIG = "http.response.timeout";
  public static final String CALL_TIMEOUT_CONFIG = "http.call.timeout";
  public static final String POOL_MAX_TOTAL_CONFIG = "http.pool.max.total";
  public static final String POOL_MAX_PER_ROUTE_CONFIG = "http.pool.max.per.route";
  public static final String TRUSTSTORE_PATH_CONFIG = "http.truststore.path";
  public static final String TRUSTSTORE_PASSWORD_CONFIG = "http.truststore.password";
  public static final String TRUSTSTORE_TYPE_CONFIG = "http.truststore.type";
  public static final String MAX_ANSWER_BYTES_CONFIG = "http.max.answer.bytes";

  /** An Alipay+ answer is a few hundred bytes; this leaves room for any real one. */
  public static final int DEFAULT_MAX_ANSWER_BYTES = 64 * 1024;

  private static final int MAX_ANSWER_BYTES_CEILING = 16 * 1024 * 1024;

  public static final String IO_THREADS_CONFIG = "http.io.threads";

  /**
   * One I/O thread: it carries thousands of calls a second, and with more the notifier pays for
   * their wake-ups (the bench measured 12% less HTTP I/O CPU per call than with one per core).
   */
  public static final int DEFAULT_IO_THREADS = 1;

  private static final int MAX_IO_THREADS = 64;

  private AlipayConfigDef() {}

  // One entry per key: a table, not logic.
  @SuppressWarnings("checkstyle:methodlength")
  static void define(final ConfigDef def) {
    def.define(
            BASE_URL_CONFIG,
            Type.STRING,
            "https://open-sea-global.alipayplus.com",
            new ConfigDef.NonEmptyString(),
            Importance.HIGH,
            "Alipay+ host; the notifyPayment path is appended. An event's notifyUrl wins over it.")
        .define(
            CLIENT_ID_CONFIG,
            Type.STRING,
            ConfigDef.NO_DEFAULT_VALUE,
            new ConfigDef.NonEmptyString(),
            Importance.HIGH,
            "The Client-Id Alipay+ issued to this MPP.")
        .define(
            KEY_VERSION_CONFIG,
            Type.INT,
            1,
            Range.atLeast(1),
            Importance.MEDIUM,
            "keyVersion sent in the Signature header.")
        .define(
            PRIVATE_KEY_FILE_CONFIG,
            Type.STRING,
            null,
            Importance.HIGH,
            "File holding the MPP's RSA private key (PEM PKCS#8 or Base64 PKCS#8)."
                + " Either this or "
                + PRIVATE_KEY_CONFIG
                + " is required.")
        .define(
            PRIVATE_KEY_CONFIG,
            Type.PASSWORD,
            null,
            Importance.HIGH,
            "The MPP's RSA private key itself (PEM or Base64 PKCS#8), usually from the env var "
                + "NOTIFIER_ALIPAY_PRIVATE_KEY. Never logged.")
        .define(
            PUBLIC_KEY_FILE_CONFIG,
            Type.STRING,
            null,
            Importance.HIGH,
            "File holding the Alipay+ RSA public key (PEM or Base64 X.509), to verify responses.")
        .define(
            PUBLIC_KEY_CONFIG,
            Type.PASSWORD,
            null,
            Importance.HIGH,
            "The Alipay+ RSA public key itself (PEM or Base64 X.509).")
        .define(
            MPP_PUBLIC_KEY_FILE_CONFIG,
            Type.STRING,
            null,
            Importance.LOW,
            "File holding the MPP's own RSA public key (the one uploaded to Alipay+). Optional:"
                + " when set, the service checks at start that it pairs with the private key.")
        .define(
            MPP_PUBLIC_KEY_CONFIG,
            Type.PASSWORD,
            null,
            Importance.LOW,
            "The MPP's own RSA public key itself (PEM or Base64 X.509); optional pairing check.")
        .define(
            SIGNER_THREADS_CONFIG,
            Type.INT,
            0,
            Range.atLeast(0),
            Importance.LOW,
            "Threads that sign requests (about 1 ms of CPU each), off the stream threads;"
                + " 0 means one per available core.")
        .define(
            ACCEPT_UNSIGNED_CONFIG,
            Type.BOOLEAN,
            false,
            Importance.MEDIUM,
            "Accept acknowledgments without a response signature. Off: an unsigned or badly"
                + " signed answer is retried later.")
        .define(
            CRYPTO_PROVIDER_CONFIG,
            Type.STRING,
            "auto",
            ConfigDef.CaseInsensitiveValidString.in("auto", "native", "jdk"),
            Importance.LOW,
            "Who computes the RSA signatures of requests and checks those of answers. auto: the"
                + " native provider (Amazon Corretto Crypto Provider, Linux x86_64 and aarch64)"
                + " when it loads and passes its self-check, else the JDK's with one WARN line;"
                + " native: that provider or fail at start; jdk: the JDK's. Only signing uses it:"
                + " TLS and Kafka keep the JVM's providers.")
        .define(
            CONNECT_TIMEOUT_CONFIG,
            Type.STRING,
            "3s",
            Durations.validator(false),
            Importance.MEDIUM,
            "Time to establish a connection to Alipay+.")
        .define(
            RESPONSE_TIMEOUT_CONFIG,
            Type.STRING,
            "10s",
            Durations.validator(false),
            Importance.MEDIUM,
            "Time to wait for Alipay+'s answer once the request is sent.")
        .define(
            CALL_TIMEOUT_CONFIG,
            Type.STRING,
            "15s",
            Durations.validator(false),
            Importance.MEDIUM,
            "Overall limit of one call, connection and pool wait included.")
        .define(
            POOL_MAX_TOTAL_CONFIG,
            Type.INT,
            512,
            Range.atLeast(1),
            Importance.LOW,
            "Pooled HTTP connections in all.")
        .define(
            POOL_MAX_PER_ROUTE_CONFIG,
            Type.INT,
            256,
            Range.atLeast(1),
            Importance.LOW,
            "Pooled HTTP connections per host.")
        .define(
            TRUSTSTORE_PATH_CONFIG,
            Type.STRING,
            null,
            Importance.LOW,
            "Trust store for Alipay+'s TLS certificate; unset uses the JVM's.")
        .define(
            TRUSTSTORE_PASSWORD_CONFIG,
            Type.PASSWORD,
            null,
            Importance.LOW,
            "Password of the trust store.")
        .define(
            TRUSTSTORE_TYPE_CONFIG,
            Type.STRING,
            "PKCS12",
            Importance.LOW,
            "Type of the trust store (PKCS12 or JKS).")
        .define(
            NOTIFY_URL_ALLOWED_HOSTS_CONFIG,
            Type.LIST,
            "",
            (name, value) -> checkHostPatterns(name, value),
            Importance.HIGH,
            "Hosts an event's own notifyUrl may name, comma separated: host names, IP addresses"
                + " (127.0.0.1, [::1]) or *.domain for every subdomain of it (not the domain"
                + " itself). Compared case-insensitively, IDNs as punycode, without a trailing"
                + " dot. Empty: the host of alipay.base.url alone. A notifyUrl off the list, or"
                + " not https while alipay.base.url is, is dead-lettered as INVALID_EVENT and never"
                + " called.")
        .define(
            MAX_ANSWER_BYTES_CONFIG,
            Type.INT,
            DEFAULT_MAX_ANSWER_BYTES,
            Range.between(1024, MAX_ANSWER_BYTES_CEILING),
            Importance.LOW,
            "Largest Alipay+ answer body read, in bytes. A longer one (by Content-Length, or"
                + " counted as it streams) is not read further: its connection is closed and the"
                + " call is retried later.")
        .define(
            IO_THREADS_CONFIG,
            Type.INT,
            DEFAULT_IO_THREADS,
            Range.between(1, MAX_IO_THREADS),
            Importance.LOW,
            "I/O threads of the HTTP client (they write requests, read answers, check their"
                + " signatures and run TLS). One carries thousands of calls a second; more only"
                + " help when TLS to Alipay+ costs more than one core gives.");
  }

  private static void checkHostPatterns(final String name, final Object value) {
    if (value instanceof List<?> entries) {
      for (final Object entry : entries) {
        try {
          HostPattern.parse(String.valueOf(entry));
        } catch (IllegalArgumentException e) {
          throw new ConfigException(name, value, e.getMessage());
        }
      }
    }
  }
}
