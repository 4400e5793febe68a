package io.paymentnotifier.dlq;

import io.paymentnotifier.avro.SpecificAvroSerde;
import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.PaymentFinalized;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Re-publishes dead-lettered events to the input topic, each with headers naming the DLQ record it
 * came from, and records every replay in a ledger topic in the same Kafka transaction: a DLQ record
 * is replayed at most once, however often or concurrently the tool runs (a fixed transactional id
 * fences a concurrent replayer before the ledger is read).
 */
public final class DlqReplayer {

  private static final int RECORDS_PER_TRANSACTION = 100;

  /**
   * What a replay run did.
   *
   * @param replayed records re-published (or that would be, in a dry run)
   * @param alreadyReplayed records skipped because the ledger has them
   * @param notReplayable records holding neither an event nor raw bytes
   */
  public record Result(
      List<DlqRecord> replayed, List<DlqRecord> alreadyReplayed, List<DlqRecord> notReplayable) {}

  private final Map<String, Object> clientProperties;
  private final DlqReader reader;
  private final Serializer<PaymentFinalized> eventSerializer;
  private final String dlqTopic;
  private final String inputTopic;
  private final ReplayLedger ledger;

  public DlqReplayer(
      final Map<String, Object> clientProperties,
      final Map<String, ?> registryConfig,
      final String dlqTopic,
      final String inputTopic) {
    this.clientProperties = clientProperties;
    this.reader = new DlqReader(clientProperties, registryConfig);
    this.eventSerializer =
        SpecificAvroSerde.forValues(PaymentFinalized.class, registryConfig).serializer();
    this.dlqTopic = dlqTopic;
    this.inputTopic = inputTopic;
    this.ledger = new ReplayLedger(clientProperties, ReplayLedger.topicFor(dlqTopic));
  }

  /** Replays the matching records not replayed before, at most {@code perSecond} (0: no limit). */
  public Result replay(final DlqFilter filter, final boolean dryRun, final double perSecond) {
    if (dryRun) {
      return classify(filter);
    }
    ledger.ensureExists();
    try (KafkaProducer<byte[], byte[]> producer = transactionalProducer()) {
      // Fences any replayer still running with the same id, so the ledger read next is complete.
      producer.initTransactions();
      final Result result = classify(filter);
      send(producer, result.replayed(), perSecond);
      return result;
    }
  }

  /** Coordinates of the DLQ records replayed so far, with when and where to. */
  public Map<String, String> replayed() {
    return ledger.replayed();
  }

  private Result classify(final DlqFilter filter) {
    final Map<String, String> done = ledger.replayed();
    final List<DlqRecord> replay = new ArrayList<>();
    final List<DlqRecord> already = new ArrayList<>();
    final List<DlqRecord> unusable = new ArrayList<>();
    for (final DlqRecord record : reader.read(dlqTopic, filter::matches)) {
      if (!record.replayable()) {
        unusable.add(record);
      } else if (done.containsKey(record.coordinates())) {
        already.add(record);
      } else {
        replay.add(record);
      }
    }
    return new Result(replay, already, unusable);
  }

  private void send(
      final KafkaProducer<byte[], byte[]> producer,
      final List<DlqRecord> records,
      final double perSecond) {
    final long interval = perSecond <= 0 ? 0 : (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
    final long start = System.nanoTime();
    for (int from = 0; from < records.size(); from += RECORDS_PER_TRANSACTION) {
      producer.beginTransaction();
      final int to = Math.min(records.size(), from + RECORDS_PER_TRANSACTION);
      for (int i = from; i < to; i++) {
        LockSupport.parkNanos(start + i * interval - System.nanoTime());
        final Instant now = Instant.now();
        producer.send(replayOf(records.get(i), now));
        producer.send(ledgerEntry(records.get(i), now));
      }
      producer.commitTransaction();
    }
  }

  private ProducerRecord<byte[], byte[]> replayOf(final DlqRecord record, final Instant now) {
    final DeadLetter letter = record.letter();
    final ProducerRecord<byte[], byte[]> out =
        letter.getEvent() != null
            ? new ProducerRecord<>(
                inputTopic,
                utf8(letter.getEvent().getPaymentRequestId()),
                eventSerializer.serialize(inputTopic, letter.getEvent()))
            : new ProducerRecord<>(
                inputTopic, bytes(letter.getRawKey()), bytes(letter.getRawValue()));
    out.headers().add(ReplayHeaders.REPLAY_OF, utf8(record.coordinates()));
    out.headers().add(ReplayHeaders.REPLAY_REASON, utf8(record.reason()));
    out.headers().add(ReplayHeaders.REPLAYED_AT, utf8(now.toString()));
    return out;
  }

  private ProducerRecord<byte[], byte[]> ledgerEntry(final DlqRecord record, final Instant now) {
    return new ProducerRecord<>(
        ledger.topic(), utf8(record.coordinates()), utf8(now + " to " + inputTopic));
  }

  private KafkaProducer<byte[], byte[]> transactionalProducer() {
    final Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "payment-notifier-dlq-replay-" + dlqTopic);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static byte[] utf8(final String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(final ByteBuffer buffer) {
    if (buffer == null) {
      return null;
    }
    final ByteBuffer copy = buffer.duplicate();
    final byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
