package io.paymentnotifier.topology;

import io.paymentnotifier.events.DeadLetterIndexEntry;
import io.paymentnotifier.events.RecordCoordinates;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the DLQ topic back into the dead-letter index: per paymentRequestId (the DLQ record's key),
 * where each of its DLQ records is and why, which the writer cannot know (the offset exists only
 * once the record is written). It reads only the key, the error-class header, the timestamp and the
 * coordinates, never the value: the index needs no Schema Registry, and a value it could not read
 * is still indexed. A record whose key is not a valid paymentRequestId (an unreadable input's raw
 * key) cannot be looked up, so it is passed over.
 */
final class DeadLetterIndexer implements Processor<byte[], byte[], Void, Void> {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterIndexer.class);
  static final String UNKNOWN_REASON = "UNKNOWN";

  private ProcessorContext<Void, Void> context;
  private WindowStore<String, DeadLetterIndexEntry> index;

  @Override
  public void init(final ProcessorContext<Void, Void> context) {
    this.context = context;
    this.index = context.getStateStore(ProcessorNames.DEAD_LETTER_INDEX_STORE);
  }

  @Override
  public void process(final Record<byte[], byte[]> record) {
    final Optional<RecordMetadata> metadata = context.recordMetadata();
    final String key =
        record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    if (metadata.isEmpty() || PaymentValidator.paymentRequestIdViolation(key).isPresent()) {
      LOG.debug("Not indexing a DLQ record without a valid paymentRequestId key");
      return;
    }
    final RecordCoordinates where =
        RecordCoordinates.newBuilder()
            .setTopic(metadata.get().topic())
            .setPartition(metadata.get().partition())
            .setOffset(metadata.get().offset())
            .build();
    index.put(
        key,
        DeadLetterIndexEntry.newBuilder()
            .setRecord(where)
            .setReason(reason(record.headers()))
            .build(),
        record.timestamp());
  }

  private static String reason(final Headers headers) {
    final Header header = headers.lastHeader(NotifierHeaders.ERROR_CLASS);
    return header == null || header.value() == null
        ? UNKNOWN_REASON
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
