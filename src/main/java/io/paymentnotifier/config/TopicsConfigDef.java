package io.paymentnotifier.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Topic names, and whether and how the service creates missing topics at start. */
public final class TopicsConfigDef {

  public static final String INPUT_CONFIG = "topic.input";
  public static final String DONE_CONFIG = "topic.done";
  public static final String RETRY_CONFIG = "topic.retry";
  public static final String DLQ_CONFIG = "topic.dlq";

  public static final String CREATE_CONFIG = "topic.create";
  private static final String CREATE_DOC =
      "Create missing topics at start. The retry topic always gets the input's partition count.";

  public static final String PARTITIONS_CONFIG = "topic.partitions";
  private static final String PARTITIONS_DOC =
      "Partitions of topics the service creates; -1 uses the broker default. Partitions bound"
          + " parallelism.";

  public static final String REPLICATION_FACTOR_CONFIG = "topic.replication.factor";
  private static final String REPLICATION_FACTOR_DOC =
      "Replication factor of topics the service creates; -1 uses the broker default.";

  private TopicsConfigDef() {}

  // One entry per key: a table, not logic.
  @SuppressWarnings("checkstyle:methodlength")
  static void define(final ConfigDef def) {
    def.define(
            INPUT_CONFIG,
            Type.STRING,
            Topics.DEFAULT_INPUT,
            new ConfigDef.NonEmptyString(),
            Importance.HIGH,
            "Topic of PaymentFinalized events, keyed by paymentRequestId.")
        .define(
            DONE_CONFIG,
            Type.STRING,
            Topics.DEFAULT_DONE,
            new ConfigDef.NonEmptyString(),
            Importance.HIGH,
            "Topic of NotificationDone records: acknowledged notifications.")
        .define(
            RETRY_CONFIG,
            Type.STRING,
            Topics.DEFAULT_RETRY,
            new ConfigDef.NonEmptyString(),
            Importance.HIGH,
            "Topic of NotificationRetry records: notifications waiting for their next attempt.")
        .define(
            DLQ_CONFIG,
            Type.STRING,
            Topics.DEFAULT_DLQ,
            new ConfigDef.NonEmptyString(),
            Importance.HIGH,
            "Topic of DeadLetter records: what could not or must not be notified, with its story.")
        .define(CREATE_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM, CREATE_DOC)
        .define(
            PARTITIONS_CONFIG,
            Type.INT,
            -1,
            ConfigDef.LambdaValidator.with(
                (name, value) -> {
                  final int n = (Integer) value;
                  if (n == 0 || n < -1) {
                    throw new org.apache.kafka.common.config.ConfigException(
                        name, value, "must be -1 or at least 1");
                  }
                },
                () -> "-1 or at least 1"),
            Importance.MEDIUM,
            PARTITIONS_DOC)
        .define(
            REPLICATION_FACTOR_CONFIG,
            Type.SHORT,
            (short) -1,
            Importance.MEDIUM,
            REPLICATION_FACTOR_DOC);
  }

  static Topics topics(final NotifierConfig config) {
    return new Topics(
        config.getString(INPUT_CONFIG),
        config.getString(DONE_CONFIG),
        config.getString(RETRY_CONFIG),
        config.getString(DLQ_CONFIG));
  }
}
