package io.paymentnotifier.devstack.stack;

import io.paymentnotifier.avro.SpecificAvroSerde;
import io.paymentnotifier.config.Topics;
import io.paymentnotifier.dlq.DlqRecord;
import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.NotificationDone;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Watches the done and dead-letter topics (committed records only) and tallies what they hold: the
 * ground truth the demo and the benchmark report, rather than what the service says it did.
 */
public final class TerminalRecords implements AutoCloseable {

  private static final Duration METADATA_WAIT = Duration.ofSeconds(30);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Topics topics;
  private final Deserializer<NotificationDone> doneReader;
  private final Deserializer<DeadLetter> letterReader;
  private final Map<String, Integer> terminalsByKey = new HashMap<>();
  private final List<Long> doneLatenciesMs = new ArrayList<>();
  private final Map<String, Long> deadLettersByReasonAndCode = new TreeMap<>();
  private long done;
  private long deadLetters;
  private long retries;
  private long unreadable;
  private long lastReadNanos = System.nanoTime();

  /** Reads both topics from their beginning; they must exist. */
  public TerminalRecords(
      final String bootstrapServers, final Map<String, ?> registryConfig, final Topics topics) {
    this(bootstrapServers, registryConfig, topics, false);
  }

  /**
   * Reads both topics, from their beginning or only what arrives from now on ({@code fromNow}, for
   * one phase of a benchmark); they must exist.
   */
  public TerminalRecords(
      final String bootstrapServers,
      final Map<String, ?> registryConfig,
      final Topics topics,
      final boolean fromNow) {
    this.topics = topics;
    this.doneReader =
        SpecificAvroSerde.forValues(NotificationDone.class, registryConfig).deserializer();
    this.letterReader =
        SpecificAvroSerde.forValues(DeadLetter.class, registryConfig).deserializer();
    this.consumer = committedReader(bootstrapServers);
    final List<TopicPartition> partitions = new ArrayList<>();
    for (final String topic : List.of(topics.done(), topics.dlq())) {
      partitions.addAll(partitionsOf(topic));
    }
    consumer.assign(partitions);
    if (fromNow) {
      consumer.seekToEnd(partitions);
      // Seeks are lazy: fix the positions now, before anything new is written.
      partitions.forEach(consumer::position);
    } else {
      consumer.seekToBeginning(partitions);
    }
  }

  private static KafkaConsumer<byte[], byte[]> committedReader(final String bootstrapServers) {
    return new KafkaConsumer<>(
        Map.of(
            "bootstrap.servers",
            bootstrapServers,
            "isolation.level",
            "read_committed",
            "allow.auto.create.topics",
            false,
            "client.id",
            "terminal-records"),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  /** A topic just created may take a moment to show in the metadata this consumer sees. */
  private List<TopicPartition> partitionsOf(final String topic) {
    final long deadline = System.nanoTime() + METADATA_WAIT.toNanos();
    while (true) {
      final List<TopicPartition> found =
          consumer.partitionsFor(topic, METADATA_WAIT).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      if (!found.isEmpty()) {
        return found;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("topic " + topic + " does not exist");
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
  }

  /** Reads what has arrived, waiting at most {@code timeout} for the first records. */
  public void poll(final Duration timeout) {
    for (final ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
      final String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
      terminalsByKey.merge(key, 1, Integer::sum);
      lastReadNanos = System.nanoTime();
      if (r.topic().equals(topics.done())) {
        countDone(doneReader.deserialize(r.topic(), r.headers(), r.value()));
      } else {
        countDeadLetter(r, key);
      }
    }
  }

  private void countDone(final NotificationDone record) {
    done++;
    retries += record.getAttempts() - 1;
    doneLatenciesMs.add(record.getTotalLatencyMs());
  }

  private void countDeadLetter(final ConsumerRecord<byte[], byte[]> r, final String key) {
    deadLetters++;
    DeadLetter letter = null;
    try {
      letter = letterReader.deserialize(r.topic(), r.headers(), r.value());
    } catch (RuntimeException e) {
      unreadable++;
    }
    final DlqRecord record =
        new DlqRecord(r.topic(), r.partition(), r.offset(), key, null, letter, null);
    retries += Math.max(0, record.attempts() - 1);
    deadLettersByReasonAndCode.merge(
        record.reason() + " " + record.lastResultCode(), 1L, Long::sum);
  }

  /** Terminal records read so far. */
  public long terminals() {
    return done + deadLetters;
  }

  /** Done records read so far. */
  public long done() {
    return done;
  }

  /** Dead-letter records read so far. */
  public long deadLetters() {
    return deadLetters;
  }

  /** What the topics hold so far. */
  public Tally tally() {
    return new Tally(
        done,
        deadLetters,
        retries,
        unreadable,
        Map.copyOf(deadLettersByReasonAndCode),
        List.copyOf(doneLatenciesMs),
        Map.copyOf(terminalsByKey),
        lastReadNanos);
  }

  @Override
  public void close() {
    consumer.close();
  }

  /**
   * The tally of the terminal topics.
   *
   * @param done records on the done topic
   * @param deadLetters records on the DLQ topic
   * @param retries calls beyond the first, summed over all terminal records
   * @param unreadableDeadLetters DLQ values that could not be read
   * @param deadLettersByReasonAndCode DLQ records by "REASON LAST_CODE"
   * @param doneLatenciesMs event-to-acknowledgment latency of every done record
   * @param terminalsByKey terminal records per key
   * @param lastReadNanos {@link System#nanoTime()} when the latest terminal record was read
   */
  public record Tally(
      long done,
      long deadLetters,
      long retries,
      long unreadableDeadLetters,
      Map<String, Long> deadLettersByReasonAndCode,
      List<Long> doneLatenciesMs,
      Map<String, Integer> terminalsByKey,
      long lastReadNanos) {

    /** Keys of {@code expected} without any terminal record. */
    public long missing(final java.util.Collection<String> expected) {
      return expected.stream().filter(k -> !terminalsByKey.containsKey(k)).count();
    }

    /** Keys with more than one terminal record. */
    public long duplicated() {
      return terminalsByKey.values().stream().filter(n -> n > 1).count();
    }
  }
}
