package io.paymentnotifier.config;

import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/** Health, metrics, payment lookup and logging settings. */
public final class OpsConfigDef {

  public static final String PORT_CONFIG = "ops.port";
  public static final String LOG_FORMAT_CONFIG = "log.format";

  public static final String ADVERTISED_HOST_CONFIG = "ops.advertised.host";
  private static final String ADVERTISED_HOST_DOC =
      "Host name or IP address at which the other instances reach this one's ops port, e.g. the"
          + " pod IP; becomes Kafka Streams' application.server (host:ops.port), through which"
          + " GET /payments/{id} is forwarded to the instance holding the payment. Unset:"
          + " localhost, enough for one instance (with several, each answers only for the"
          + " payments it holds).";

  /** A DNS name, an IPv4 literal or an IPv6 literal (bare or in brackets); no scheme, no port. */
  private static final Pattern HOST =
      Pattern.compile(
          "[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?"
              + "|\\[?[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*]?");

  private static final String DEFAULT_HOST = "localhost";
  private static final String KAFKA_APPLICATION_SERVER =
      KafkaConfigDef.PREFIX + "application.server";

  private OpsConfigDef() {}

  static void define(final ConfigDef def) {
    def.define(
            PORT_CONFIG,
            Type.INT,
            8080,
            Range.between(0, 65535),
            Importance.MEDIUM,
            "Port of /health/live, /health/ready, /metrics and /payments/{id}; 0 picks a free"
                + " port.")
        .define(
            ADVERTISED_HOST_CONFIG,
            Type.STRING,
            null,
            OpsConfigDef::validateHost,
            Importance.MEDIUM,
            ADVERTISED_HOST_DOC)
        .define(
            LOG_FORMAT_CONFIG,
            Type.STRING,
            "text",
            ConfigDef.ValidString.in("text", "json"),
            Importance.LOW,
            "Log layout: text for people, json for log pipelines.");
  }

  /**
   * The endpoint this instance advertises to the others as Kafka Streams' {@code
   * application.server}: {@code ops.advertised.host}:ops.port; else {@code
   * kafka.application.server} as given; else localhost:ops.port, which is enough for one instance
   * (Kafka Streams names no key's owner without an endpoint); empty with {@code ops.port=0}. Fails
   * naming the key when {@code ops.advertised.host} cannot work: with {@code ops.port=0} the port
   * is only known after binding, too late for Kafka Streams, and next to {@code
   * kafka.application.server} one of the two would be ignored.
   */
  public static Optional<String> applicationServer(final NotifierConfig config) {
    final String host = config.getString(ADVERTISED_HOST_CONFIG);
    final int port = config.getInt(PORT_CONFIG);
    final Object raw = config.originals().get(KAFKA_APPLICATION_SERVER);
    if (host == null) {
      if (raw != null) {
        return Optional.of(raw.toString());
      }
      return port == 0 ? Optional.empty() : Optional.of(DEFAULT_HOST + ":" + port);
    }
    if (port == 0) {
      throw new ConfigException(
          ADVERTISED_HOST_CONFIG, host, "needs a fixed " + PORT_CONFIG + ", not 0 (a free port)");
    }
    if (raw != null) {
      throw new ConfigException(
          ADVERTISED_HOST_CONFIG,
          host,
          "set either it or " + KAFKA_APPLICATION_SERVER + ", not both");
    }
    final String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    return Optional.of((bare.contains(":") ? "[" + bare + "]" : bare) + ":" + port);
  }

  private static void validateHost(final String name, final Object value) {
    if (value == null) {
      return;
    }
    final String host = value.toString();
    if (!HOST.matcher(host).matches()) {
      throw new ConfigException(
          name,
          value,
          "must be a host name or IP address, without scheme, port or path (e.g."
              + " payment-notifier-0.payment-notifier)");
    }
  }
}
