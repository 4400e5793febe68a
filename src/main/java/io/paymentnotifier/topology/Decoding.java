package io.paymentnotifier.topology;

import io.paymentnotifier.avro.RegistryUnavailableException;
import io.paymentnotifier.avro.UnreadableRecordException;
import io.paymentnotifier.dlq.Origin;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a record's bytes inside the topology, so unreadable bytes become a dead letter instead of a
 * crash, while an unreachable registry is waited for and never blamed on the record.
 */
final class Decoding {

  private static final Logger LOG = LoggerFactory.getLogger(Decoding.class);

  /** Short waits in place; then the exception goes to Streams, which replaces the thread. */
  static final List<Duration> REGISTRY_WAITS =
      List.of(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(1));

  private Decoding() {}

  /**
   * The record, or UnreadableRecordException when the bytes can never be read; throws
   * RegistryUnavailableException when the registry stayed unreachable through every wait.
   */
  static <T> T read(
      final Deserializer<T> deserializer,
      final String topic,
      final Headers headers,
      final byte[] bytes) {
    if (bytes == null) {
      throw new UnreadableRecordException("the value is null (a tombstone), not an event");
    }
    for (int attempt = 0; ; attempt++) {
      try {
        return deserializer.deserialize(topic, headers, bytes);
      } catch (RegistryUnavailableException e) {
        if (attempt >= REGISTRY_WAITS.size()) {
          throw e;
        }
        LOG.warn("Schema Registry unavailable, waiting to read {}: {}", topic, e.getMessage());
        sleep(REGISTRY_WAITS.get(attempt));
      } catch (UnreadableRecordException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new UnreadableRecordException(
            e.getClass().getSimpleName() + ": " + e.getMessage(), e);
      }
    }
  }

  /** Where the record being processed was read; punctuations have no such record. */
  static Origin origin(final ProcessorContext<?, ?> context) {
    return context
        .recordMetadata()
        .map((RecordMetadata m) -> new Origin(m.topic(), m.partition(), m.offset()))
        .orElse(new Origin("", -1, -1L));
  }

  private static void sleep(final Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryUnavailableException("interrupted while waiting for the registry", e);
    }
  }
}
