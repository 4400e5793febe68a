package io.paymentnotifier.topology;

import io.paymentnotifier.events.DeadLetter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends a dead letter to the DLQ sink with its origin headers, and tells the observer. */
final class DeadLetterSink {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterSink.class);

  private final NotificationObserver observer;

  DeadLetterSink(final NotificationObserver observer) {
    this.observer = observer;
  }

  void send(
      final ProcessorContext<String, SpecificRecord> context,
      final String key,
      final DeadLetter deadLetter) {
    final Headers headers = new RecordHeaders();
    NotifierHeaders.add(headers, NotifierHeaders.ORIGIN_TOPIC, deadLetter.getOriginTopic());
    NotifierHeaders.add(headers, NotifierHeaders.ORIGIN_PARTITION, deadLetter.getOriginPartition());
    NotifierHeaders.add(headers, NotifierHeaders.ORIGIN_OFFSET, deadLetter.getOriginOffset());
    NotifierHeaders.add(headers, NotifierHeaders.ERROR_CLASS, deadLetter.getReason());
    final long timestamp = deadLetter.getDeadLetteredAt().toEpochMilli();
    context.forward(
        new Record<String, SpecificRecord>(key, deadLetter, timestamp, headers),
        ProcessorNames.DLQ_SINK);
    LOG.warn(
        "Dead-lettered {} as {}: {}",
        deadLetter.getPaymentRequestId(),
        deadLetter.getReason(),
        deadLetter.getDetail());
    observer.deadLettered(deadLetter);
  }
}
