package io.paymentnotifier.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paymentnotifier.avro.AvroStringSerializer;
import io.paymentnotifier.avro.MockSchemaRegistry;
import io.paymentnotifier.avro.SchemaRegistryException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where the status lookup looks for a payment whose producer keyed it as a Confluent Avro string.
 */
class ConfluentKeyPlacementTest {

  private static final int PARTITIONS = 12;

  private final String scope = "key-placement-" + UUID.randomUUID();
  private final Map<String, String> registry = Map.of("schema.registry.url", "mock://" + scope);

  @AfterEach
  void dropScope() {
    MockSchemaRegistry.dropScope(scope);
  }

  @Test
  void shouldPlaceAPaymentWhereTheProducersPartitionerPutsItsConfluentAvroKey() {
    // given: a producer keyed its events with Confluent's string serializer
    final AvroStringSerializer producerKeys = new AvroStringSerializer();
    producerKeys.configure(registry, true);
    final List<String> ids = IntStream.range(0, 200).mapToObj(i -> "2026-pay-" + i).toList();
    final List<byte[]> sent =
        ids.stream().map(id -> producerKeys.serialize("payments", id)).toList();
    // when
    try (ConfluentKeyPlacement placement = new ConfluentKeyPlacement(registry, "payments")) {
      // then: the same bytes, and the partition the producer picked for them
      for (int i = 0; i < ids.size(); i++) {
        final byte[] key = placement.keyBytes(ids.get(i)).orElseThrow();
        assertThat(key).isEqualTo(sent.get(i));
        assertThat(ConfluentKeyPlacement.partition(key, PARTITIONS))
            .isEqualTo(BuiltInPartitioner.partitionForKey(sent.get(i), PARTITIONS));
      }
    }
    // and most payments sit in another partition than their UTF-8 key would put them
    final long elsewhere =
        IntStream.range(0, ids.size())
            .filter(
                i ->
                    BuiltInPartitioner.partitionForKey(sent.get(i), PARTITIONS)
                        != BuiltInPartitioner.partitionForKey(
                            ids.get(i).getBytes(StandardCharsets.UTF_8), PARTITIONS))
            .count();
    assertThat(elsewhere).isGreaterThan(ids.size() / 2);
  }

  @Test
  void shouldFindNoPlacementAndRegisterNothingWhenNoProducerWritesAvroKeys() {
    // given: nothing registered under payments-key
    try (ConfluentKeyPlacement placement = new ConfluentKeyPlacement(registry, "payments")) {
      // when / then
      assertThat(placement.keyBytes("2026-pay-1")).isEmpty();
    }
    assertThatThrownBy(() -> MockSchemaRegistry.clientForScope(scope).latest("payments-key"))
        .isInstanceOf(SchemaRegistryException.class);
  }
}
