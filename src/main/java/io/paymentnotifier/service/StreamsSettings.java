package io.paymentnotifier.service;

import io.paymentnotifier.config.KafkaConfigDef;
import io.paymentnotifier.config.NotifierConfig;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams properties of one instance: every {@code kafka.*} setting, plus what makes a
 * crash cheap.
 *
 * <ul>
 *   <li><b>Transactional state stores</b> (KIP-892) under exactly_once_v2 unless set: a store keeps
 *       its writes in a buffer until the changelog transaction commits and records the committed
 *       changelog offset itself, so after a crash it replays only what was not committed. Without
 *       them Streams cannot tell committed from uncommitted local state under EOS, and wipes and
 *       restores every store of the task in full.
 *   <li><b>Static membership</b> when {@code instance.id} is set: it becomes {@code
 *       group.instance.id}, to which Streams appends {@code -<thread number>} for each stream
 *       thread's consumer. A restarted instance rejoins under the same ids and gets its tasks back
 *       without a rebalance; a dead one keeps them until {@code session.timeout.ms} (45 s by
 *       default) runs out, then they move to the other instances (and their standbys).
 *   <li><b>Bounded RocksDB memory</b> ({@link BoundedRocksDb}): one block cache and one memtable
 *       budget for all stores, which also bounds what a crash replays.
 *   <li><b>No task idling</b> ({@code max.task.idle.ms=-1}) unless set: nothing in the topology
 *       joins or orders the input and the retry topic by timestamp, so a task processes whatever is
 *       buffered instead of checking, for every record, whether the other (usually empty) partition
 *       should be waited for (a check that also formats a log message each time).
 * </ul>
 */
final class StreamsSettings {

  /** {@code max.task.idle.ms}: never wait for an empty partition of the task. */
  private static final long NO_TASK_IDLING = StreamsConfig.MAX_TASK_IDLE_MS_DISABLED;

  private StreamsSettings() {}

  static Properties of(final NotifierConfig config) {
    final Properties props = new Properties();
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
    props.putAll(config.kafkaProperties());
    final boolean exactlyOnce =
        StreamsConfig.EXACTLY_ONCE_V2.equals(
            config.getString(KafkaConfigDef.PROCESSING_GUARANTEE_CONFIG));
    props.putIfAbsent(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, String.valueOf(exactlyOnce));
    props.putIfAbsent(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, String.valueOf(NO_TASK_IDLING));
    props.putIfAbsent(
        StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class.getName());
    props.put(
        BoundedRocksDb.MEMORY_BYTES,
        String.valueOf(config.getLong(KafkaConfigDef.ROCKSDB_MEMORY_CONFIG)));
    props.put(
        BoundedRocksDb.MEMTABLE_BYTES,
        String.valueOf(config.getLong(KafkaConfigDef.ROCKSDB_MEMTABLE_CONFIG)));
    final String instanceId = config.getString(KafkaConfigDef.INSTANCE_ID_CONFIG);
    if (instanceId != null) {
      props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
    }
    return props;
  }

  /**
   * On a graceful stop a static member stays in the group: its replacement (a rolling update, the
   * same pod name) takes the same tasks back without a rebalance. A dynamic member leaves, so its
   * partitions move at once instead of after the session timeout.
   */
  static GroupMembershipOperation onClose(final Properties streamsProperties) {
    return streamsProperties.containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)
        ? GroupMembershipOperation.REMAIN_IN_GROUP
        : GroupMembershipOperation.LEAVE_GROUP;
  }
}
