package io.paymentnotifier.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paymentnotifier.config.NotifierConfig;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** What a crash costs is decided here: transactional stores and static membership. */
class StreamsSettingsTest {

  @Test
  void shouldGiveEachStreamThreadAStaticMemberIdDerivedFromTheInstanceId() {
    // given
    final Properties props = StreamsSettings.of(config(Map.of("instance.id", "notifier-0")));
    final StreamsConfig streams = new StreamsConfig(props);

    // when: how Kafka Streams builds the main consumer of threads 1 and 2
    final Map<String, Object> thread1 = streams.getMainConsumerConfigs("app", "client-1", 1);
    final Map<String, Object> thread2 = streams.getMainConsumerConfigs("app", "client-2", 2);

    // then
    assertThat(props).containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "notifier-0");
    assertThat(thread1).containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "notifier-0-1");
    assertThat(thread2).containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "notifier-0-2");
    assertThat(streams.getRestoreConsumerConfigs("restore"))
        .doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
  }

  @Test
  void shouldStayInTheGroupOnCloseWhenTheMembershipIsStatic() {
    // given
    final Properties props = StreamsSettings.of(config(Map.of("instance.id", "notifier-0")));

    // when / then: the replacement with the same name takes the tasks back without a rebalance
    assertThat(StreamsSettings.onClose(props)).isEqualTo(GroupMembershipOperation.REMAIN_IN_GROUP);
  }

  @Test
  void shouldKeepDynamicMembershipAndLeaveOnCloseWithoutAnInstanceId() {
    // when
    final Properties props = StreamsSettings.of(config(Map.of()));

    // then
    assertThat(props).doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    assertThat(new StreamsConfig(props).getMainConsumerConfigs("app", "client-1", 1))
        .doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    assertThat(StreamsSettings.onClose(props)).isEqualTo(GroupMembershipOperation.LEAVE_GROUP);
  }

  @Test
  void shouldRefuseAnInstanceIdKafkaWouldRejectNamingTheKey() {
    assertThatThrownBy(() -> config(Map.of("instance.id", "pod 0/a")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("instance.id");
  }

  @Test
  void shouldRefuseAnInstanceIdAndAGroupInstanceIdTogether() {
    assertThatThrownBy(() -> config(Map.of("instance.id", "a", "kafka.group.instance.id", "b")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("instance.id")
        .hasMessageContaining("not both");
  }

  @Test
  void shouldTurnOnTransactionalStateStoresUnderExactlyOnce() {
    // when
    final Properties props = StreamsSettings.of(config(Map.of()));

    // then
    assertThat(props)
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
        .containsEntry(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, "true")
        .containsEntry(StreamsConfig.STATESTORE_UNCOMMITTED_MAX_BYTES_CONFIG, "16777216");
  }

  @Test
  void shouldLeaveTransactionalStateStoresOffUnderAtLeastOnce() {
    // when
    final Properties props =
        StreamsSettings.of(config(Map.of("kafka.processing.guarantee", "at_least_once")));

    // then
    assertThat(props).containsEntry(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, "false");
  }

  @Test
  void shouldLetTheOperatorOverrideTheStoreSettingsThroughKafkaKeys() {
    // when
    final Properties props =
        StreamsSettings.of(
            config(
                Map.of(
                    "kafka.enable.transactional.statestores", "false",
                    "kafka.statestore.uncommitted.max.bytes", "-1")));

    // then
    assertThat(props)
        .containsEntry(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, "false")
        .containsEntry(StreamsConfig.STATESTORE_UNCOMMITTED_MAX_BYTES_CONFIG, "-1");
  }

  @Test
  void shouldNeverIdleATaskForAnEmptyPartitionUnlessTheOperatorSaysSo() {
    assertThat(StreamsSettings.of(config(Map.of())))
        .containsEntry(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "-1");
    assertThat(StreamsSettings.of(config(Map.of("kafka.max.task.idle.ms", "100"))))
        .containsEntry(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "100");
  }

  @Test
  void shouldBoundTheRocksDbMemoryOfAllStoresTogether() {
    // when
    final Properties props = StreamsSettings.of(config(Map.of()));

    // then
    assertThat(props)
        .containsEntry(
            StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class.getName())
        .containsEntry(BoundedRocksDb.MEMORY_BYTES, String.valueOf(64L << 20))
        .containsEntry(BoundedRocksDb.MEMTABLE_BYTES, String.valueOf(8L << 20));
  }

  @Test
  void shouldRefuseAMemtableBudgetAsLargeAsTheWholeRocksDbMemory() {
    assertThatThrownBy(
            () ->
                config(
                    Map.of(
                        "state.rocksdb.memory.max.bytes", "8388608",
                        "state.rocksdb.memtable.max.bytes", "8388608")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("state.rocksdb.memtable.max.bytes");
  }

  @Test
  void shouldRefuseANegativeUncommittedLimitOtherThanMinusOne() {
    assertThatThrownBy(() -> config(Map.of("kafka.statestore.uncommitted.max.bytes", "-2")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("kafka.statestore.uncommitted.max.bytes");
  }

  private static NotifierConfig config(final Map<String, String> extra) {
    final Map<String, String> settings = new TreeMap<>();
    settings.put("kafka.bootstrap.servers", "127.0.0.1:9092");
    settings.put("schema.registry.url", "mock://streams-settings");
    settings.put("alipay.client.id", "TEST");
    settings.putAll(extra);
    return new NotifierConfig(settings);
  }
}
