package io.paymentnotifier.avro;

import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * How a record's subject is named, as Confluent's {@code key|value.subject.name.strategy} does;
 * configured by Confluent's class name or the short name.
 */
public enum SubjectNameStrategy {
  /** {@code <topic>-key} or {@code <topic>-value}. */
  TOPIC,
  /** The record's full name, whatever the topic. */
  RECORD,
  /** {@code <topic>-<record full name>}. */
  TOPIC_RECORD;

  private static final String CONFLUENT_PACKAGE = "io.confluent.kafka.serializers.subject.";

  /** The subject for a record of this schema on this topic. */
  public String subject(final String topic, final boolean isKey, final Schema schema) {
    return switch (this) {
      case TOPIC -> topic + (isKey ? "-key" : "-value");
      case RECORD -> recordName(schema);
      case TOPIC_RECORD -> topic + "-" + recordName(schema);
    };
  }

  /** Parses a Confluent class name or short name; a ConfigException naming the key otherwise. */
  public static SubjectNameStrategy parse(final String key, final String value) {
    final String name =
        value == null ? "" : value.trim().replace(CONFLUENT_PACKAGE, "").toLowerCase(Locale.ROOT);
    return switch (name) {
      case "topicnamestrategy", "topic" -> TOPIC;
      case "recordnamestrategy", "record" -> RECORD;
      case "topicrecordnamestrategy", "topic_record", "topicrecord" -> TOPIC_RECORD;
      default ->
          throw new ConfigException(
              key,
              value,
              "unknown subject name strategy; use TopicNameStrategy, RecordNameStrategy or"
                  + " TopicRecordNameStrategy (short or as "
                  + CONFLUENT_PACKAGE
                  + "*)");
    };
  }

  /** Validator for ConfigDef, so bad values fail when the config is built. */
  public static ConfigDef.Validator validator() {
    return (key, value) -> parse(key, (String) value);
  }

  private static String recordName(final Schema schema) {
    if (schema.getType() != Schema.Type.RECORD) {
      throw new IllegalArgumentException(
          "record-name subject strategies need a named record schema, got " + schema.getType());
    }
    return schema.getFullName();
  }
}
