package io.paymentnotifier.service;

import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.avro.AvroStringSerializer;
import io.paymentnotifier.avro.RegisteredSchema;
import io.paymentnotifier.avro.SpecificAvroSerde;
import io.paymentnotifier.devstack.registry.SchemaRegistryServer;
import io.paymentnotifier.events.DeadLetterReason;
import io.paymentnotifier.events.NotificationRetry;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.simulator.SimulatorFaults;
import io.paymentnotifier.testing.CommandRun;
import io.paymentnotifier.testing.OutputTopics;
import io.paymentnotifier.testing.TestKafka;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Producers' keys on the real broker, through the HTTP Schema Registry: keys written as Confluent's
 * KafkaAvroSerializer writes a String are notified like plain ones, every retry comes back to the
 * task of its input partition, and keys in no readable format are dead-lettered printably.
 */
class ConfluentKeysIT {

  private static final Logger LOG = LoggerFactory.getLogger(ConfluentKeysIT.class);
  private static final Duration PATIENCE = Duration.ofSeconds(150);

  private static List<String> ids(final String prefix, final int count) {
    return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
  }

  @Test
  void shouldNotifyEveryEventKeyedAsAConfluentAvroStringExactlyOnceThroughItsRetries() {
    try (SchemaRegistryServer registry = new SchemaRegistryServer(0).start();
        NotifierStack stack =
            new NotifierStack(SimulatorFaults.builder().unknownRate(0.3).build())
                .withRegistry(registry.url());
        NotifierService service = stack.newService();
        OutputTopics outputs = stack.outputs()) {
      // given
      final List<String> ids = ids("avro-key", 1_000);
      service.start();
      // when
      stack.publish(
          ids.stream().map(id -> aPayment(id).build()).toList(), new AvroStringSerializer());
      // then
      assertThat(outputs.readUntil(() -> outputs.done.size() >= ids.size(), PATIENCE)).isTrue();
      outputs.drain(Duration.ofSeconds(2));
      final Map<String, Long> donePerId = outputs.donePerId();
      assertThat(donePerId.keySet()).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(donePerId.values()).allMatch(n -> n == 1);
      assertThat(outputs.deadLetters).isEmpty();
      assertThat(outputs.retries).isNotEmpty();
      // the keys on the wire are Confluent's: subject <topic>-key, schema "string"
      final RegisteredSchema keySchema = registry.registry().latest(stack.topics.input() + "-key");
      assertThat(keySchema.schema()).isEqualTo(Schema.create(Schema.Type.STRING));
      assertThat(OutputTopics.readAll(TestKafka.bootstrapServers(), stack.topics.input()))
          .allSatisfy(r -> assertThat(ByteBuffer.wrap(r.key()).get()).isZero())
          .allSatisfy(
              r -> assertThat(ByteBuffer.wrap(r.key(), 1, 4).getInt()).isEqualTo(keySchema.id()));
      final long misplaced = retriesOutsideTheirInputPartition(stack);
      assertThat(misplaced).isZero();
      LOG.info(
          "IT Confluent Avro keys: events={} done={} dlq={} retryRecords={} retries outside their"
              + " input partition={} simulatorRequests={} answers={}",
          ids.size(),
          outputs.done.size(),
          outputs.deadLetters.size(),
          outputs.retries.size(),
          misplaced,
          stack.simulator.stats().totalRequests(),
          stack.simulator.stats().answers());
    }
  }

  @Test
  void shouldDeadLetterUnreadableKeysPrintablyAndFindThemByPaymentRequestIdInTheDlqTool() {
    try (SchemaRegistryServer registry = new SchemaRegistryServer(0).start();
        NotifierStack stack =
            new NotifierStack(SimulatorFaults.none()).withRegistry(registry.url());
        NotifierService service = stack.newService();
        OutputTopics outputs = stack.outputs()) {
      // given: plain keys, and four kinds of key the service cannot read
      final int longSchema =
          registry
              .registry()
              .register(stack.topics.input() + "-key", Schema.create(Schema.Type.LONG));
      final Map<byte[], PaymentFinalized> events = new LinkedHashMap<>();
      ids("plain", 20).forEach(id -> events.put(utf8(id), aPayment(id).build()));
      ids("latin1", 5)
          .forEach(
              id ->
                  events.put(
                      ("é" + id).getBytes(StandardCharsets.ISO_8859_1), aPayment(id).build()));
      ids("control", 5).forEach(id -> events.put(utf8(id + "\u001b[2J"), aPayment(id).build()));
      ids("unknown-id", 5).forEach(id -> events.put(framed(987_654, id), aPayment(id).build()));
      ids("long-schema", 5).forEach(id -> events.put(framed(longSchema, id), aPayment(id).build()));
      service.start();
      // when
      stack.publishKeyed(events);
      // then
      assertThat(outputs.readUntil(() -> outputs.terminal() >= events.size(), PATIENCE)).isTrue();
      outputs.drain(Duration.ofSeconds(1));
      assertThat(outputs.done).hasSize(20);
      assertThat(outputs.deadLetters)
          .hasSize(20)
          .allSatisfy(d -> assertThat(d.getReason()).isEqualTo(DeadLetterReason.INVALID_EVENT))
          .allSatisfy(d -> assertThat(d.getDetail()).startsWith("key: ").contains("(hex "))
          .allSatisfy(d -> assertThat(d.getDetail().chars()).noneMatch(Character::isISOControl));
      final Map<String, String> detailByKind =
          outputs.deadLetters.stream()
              .collect(
                  Collectors.toMap(
                      d -> d.getPaymentRequestId().replaceAll("-\\d+$", ""),
                      d -> d.getDetail().replaceAll(" \\(hex .*", ""),
                      (a, b) -> a));
      assertThat(detailByKind)
          .containsEntry("latin1", "key: plain bytes, not UTF-8 text")
          .containsEntry(
              "control", "key: plain bytes: UTF-8 text with the control character U+001B")
          .containsEntry(
              "unknown-id",
              "key: Confluent Avro wire format with schema id 987654: the registry does not know"
                  + " the id")
          .containsEntry(
              "long-schema",
              "key: Confluent Avro wire format with schema id "
                  + longSchema
                  + ": the schema is \"long\", not \"string\"");
      assertThat(stack.simulator.stats().totalRequests()).isEqualTo(20);
      // the DLQ tool lists them by paymentRequestId, and --key selects by the id it lists
      final CommandRun list = dlq(stack, registry, "list", "--reason", "INVALID_EVENT");
      final CommandRun one = dlq(stack, registry, "list", "--key", "control-3");
      assertThat(list.out()).contains("control-3 ", "unknown-id-0 ", "20 record(s)");
      assertThat(list.out().chars()).noneMatch(c -> c == 0x1b || c == 0);
      assertThat(one.out()).contains("control-3 ", "INVALID_EVENT", "1 record(s)");
      LOG.info("IT unreadable keys: dlq details by kind: {}", detailByKind);
    }
  }

  private static CommandRun dlq(
      final NotifierStack stack, final SchemaRegistryServer registry, final String... args) {
    final String[] common = {
      "-b", TestKafka.bootstrapServers(), "-r", registry.url(), "--topic", stack.topics.dlq()
    };
    final String[] all = new String[args.length + 1 + common.length];
    all[0] = "dlq";
    System.arraycopy(args, 0, all, 1, 1);
    System.arraycopy(common, 0, all, 2, common.length);
    System.arraycopy(args, 1, all, 2 + common.length, args.length - 1);
    return CommandRun.of(all);
  }

  /** Retry records whose partition is not that of the input record they carry. */
  private static long retriesOutsideTheirInputPartition(final NotifierStack stack) {
    final Deserializer<NotificationRetry> retries =
        SpecificAvroSerde.forValues(NotificationRetry.class, stack.registry()).deserializer();
    final List<ConsumerRecord<byte[], byte[]>> records =
        OutputTopics.readAll(TestKafka.bootstrapServers(), stack.topics.retry());
    assertThat(records).isNotEmpty();
    return records.stream()
        .map(r -> Map.entry(r.partition(), retries.deserialize(r.topic(), r.value())))
        .filter(e -> e.getValue().getInput().getPartition() != e.getKey())
        .count();
  }

  private static byte[] utf8(final String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The Confluent wire format around an Avro string: 0, the schema id, length, UTF-8. */
  private static byte[] framed(final int schemaId, final String text) {
    final byte[] utf8 = utf8(text);
    return ByteBuffer.allocate(6 + utf8.length)
        .put((byte) 0)
        .putInt(schemaId)
        .put((byte) (utf8.length * 2))
        .put(utf8)
        .array();
  }
}
