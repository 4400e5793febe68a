package io.paymentnotifier.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Health, metrics and logging settings. */
public final class OpsConfigDef {

  public static final String PORT_CONFIG = "ops.port";
  public static final String LOG_FORMAT_CONFIG = "log.format";

  private OpsConfigDef() {}

  static void define(final ConfigDef def) {
    def.define(
            PORT_CONFIG,
            Type.INT,
            8080,
            Range.between(0, 65535),
            Importance.MEDIUM,
            "Port of /health/live, /health/ready and /metrics; 0 picks a free port.")
        .define(
            LOG_FORMAT_CONFIG,
            Type.STRING,
            "text",
            ConfigDef.ValidString.in("text", "json"),
            Importance.LOW,
            "Log layout: text for people, json for log pipelines.");
  }
}
