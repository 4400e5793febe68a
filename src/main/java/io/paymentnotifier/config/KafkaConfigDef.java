package io.paymentnotifier.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Kafka connection and Streams settings; every other {@code kafka.*} key passes through. */
public final class KafkaConfigDef {

  public static final String PREFIX = "kafka.";

  public static final String BOOTSTRAP_SERVERS_CONFIG = "kafka.bootstrap.servers";
  private static final String BOOTSTRAP_SERVERS_DOC =
      "Kafka brokers to connect to, host:port, comma separated.";

  public static final String APPLICATION_ID_CONFIG = "kafka.application.id";
  private static final String APPLICATION_ID_DOC =
      "Kafka Streams application id: the consumer group and the prefix of internal topics."
          + " Instances with the same id share the work.";

  public static final String PROCESSING_GUARANTEE_CONFIG = "kafka.processing.guarantee";
  private static final String PROCESSING_GUARANTEE_DOC =
      "exactly_once_v2 (default): every input ends in exactly one done or DLQ record even across"
          + " crashes; at_least_once: faster commits, a crash may repeat an output record.";

  private KafkaConfigDef() {}

  static void define(final ConfigDef def) {
    def.define(
            BOOTSTRAP_SERVERS_CONFIG,
            Type.STRING,
            ConfigDef.NO_DEFAULT_VALUE,
            new ConfigDef.NonEmptyString(),
            Importance.HIGH,
            BOOTSTRAP_SERVERS_DOC)
        .define(
            APPLICATION_ID_CONFIG,
            Type.STRING,
            "payment-notifier",
            new ConfigDef.NonEmptyString(),
            Importance.HIGH,
            APPLICATION_ID_DOC)
        .define(
            PROCESSING_GUARANTEE_CONFIG,
            Type.STRING,
            "exactly_once_v2",
            ConfigDef.ValidString.in("exactly_once_v2", "at_least_once"),
            Importance.MEDIUM,
            PROCESSING_GUARANTEE_DOC);
  }
}
