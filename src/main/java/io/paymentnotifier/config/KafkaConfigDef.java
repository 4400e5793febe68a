package io.paymentnotifier.config;

import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

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

  public static final String INSTANCE_ID_CONFIG = "instance.id";
  private static final String INSTANCE_ID_DOC =
      "A name that stays the same across restarts of this instance and no other instance uses (in"
          + " k8s the pod name). Sets the static group.instance.id, so a restarted instance takes"
          + " its tasks back at once instead of waiting for its old session to time out; unset:"
          + " dynamic membership.";

  public static final String TRANSACTIONAL_STATE_STORES_CONFIG =
      "kafka.enable.transactional.statestores";
  private static final String TRANSACTIONAL_STATE_STORES_DOC =
      "Transactional state stores (KIP-892): after a crash only the writes since the last commit"
          + " are replayed, instead of wiping and restoring every store. Unset: on under"
          + " exactly_once_v2, off under at_least_once.";

  public static final String UNCOMMITTED_MAX_BYTES_CONFIG =
      "kafka.statestore.uncommitted.max.bytes";
  private static final String UNCOMMITTED_MAX_BYTES_DOC =
      "Writes transactional stores may hold on the heap before an early commit, per instance"
          + " (split across stream threads). A payment writes about 400 bytes, so a 100 ms commit"
          + " interval holds about 40 KB at 1,000 notifications/s; -1: no limit.";

  public static final String ROCKSDB_MEMORY_CONFIG = "state.rocksdb.memory.max.bytes";
  private static final String ROCKSDB_MEMORY_DOC =
      "Off-heap memory of all RocksDB state stores of the instance together: one shared block"
          + " cache, memtables included (Kafka's default is 50 MB of cache and up to 48 MB of"
          + " memtables per store, segment and partition).";

  public static final String ROCKSDB_MEMTABLE_CONFIG = "state.rocksdb.memtable.max.bytes";
  private static final String ROCKSDB_MEMTABLE_DOC =
      "The part of state.rocksdb.memory.max.bytes that memtables may take before the store being"
          + " written flushes one to disk. Stores are written without a write-ahead log, so this"
          + " is also about the most a crash (SIGKILL, OOM kill) replays from the changelogs.";

  private static final long MIB = 1024L * 1024;

  /** 16 MiB: hundreds of times what a commit interval holds at full speed, a quarter of Kafka's. */
  static final long UNCOMMITTED_MAX_BYTES_DEFAULT = 16 * MIB;

  /**
   * Kafka accepts letters, digits, '.', '_' and '-' in a group.instance.id, up to 249 characters;
   * Streams appends "-<thread number>".
   */
  private static final Pattern INSTANCE_ID = Pattern.compile("[a-zA-Z0-9._-]{1,240}");

  private KafkaConfigDef() {}

  @SuppressWarnings("checkstyle:methodlength")
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
            PROCESSING_GUARANTEE_DOC)
        .define(
            INSTANCE_ID_CONFIG,
            Type.STRING,
            null,
            KafkaConfigDef::checkInstanceId,
            Importance.MEDIUM,
            INSTANCE_ID_DOC)
        .define(
            TRANSACTIONAL_STATE_STORES_CONFIG,
            Type.BOOLEAN,
            null,
            Importance.LOW,
            TRANSACTIONAL_STATE_STORES_DOC)
        .define(
            UNCOMMITTED_MAX_BYTES_CONFIG,
            Type.LONG,
            UNCOMMITTED_MAX_BYTES_DEFAULT,
            ConfigDef.Range.atLeast(-1),
            Importance.LOW,
            UNCOMMITTED_MAX_BYTES_DOC)
        .define(
            ROCKSDB_MEMORY_CONFIG,
            Type.LONG,
            64 * MIB,
            ConfigDef.Range.atLeast(4 * MIB),
            Importance.LOW,
            ROCKSDB_MEMORY_DOC)
        .define(
            ROCKSDB_MEMTABLE_CONFIG,
            Type.LONG,
            8 * MIB,
            ConfigDef.Range.atLeast(256 * 1024),
            Importance.LOW,
            ROCKSDB_MEMTABLE_DOC);
  }

  /** Settings that are valid alone but not together; the message names the key. */
  static void checkCombinations(final NotifierConfig config) {
    if (config.getString(INSTANCE_ID_CONFIG) != null
        && config.originals().containsKey(PREFIX + "group.instance.id")) {
      throw new ConfigException(
          INSTANCE_ID_CONFIG,
          config.getString(INSTANCE_ID_CONFIG),
          "set it or kafka.group.instance.id, not both");
    }
    if (config.getLong(ROCKSDB_MEMTABLE_CONFIG) >= config.getLong(ROCKSDB_MEMORY_CONFIG)) {
      throw new ConfigException(
          ROCKSDB_MEMTABLE_CONFIG,
          config.getLong(ROCKSDB_MEMTABLE_CONFIG),
          "must be below "
              + ROCKSDB_MEMORY_CONFIG
              + " ("
              + config.getLong(ROCKSDB_MEMORY_CONFIG)
              + ")");
    }
  }

  private static void checkInstanceId(final String name, final Object value) {
    if (value != null && !INSTANCE_ID.matcher(value.toString()).matches()) {
      throw new ConfigException(
          name, value, "1 to 240 letters, digits, '.', '_' or '-' (a pod name qualifies)");
    }
  }
}
