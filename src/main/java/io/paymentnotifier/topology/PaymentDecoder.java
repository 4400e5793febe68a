package io.paymentnotifier.topology;

import io.paymentnotifier.avro.UnreadableRecordException;
import io.paymentnotifier.dlq.DeadLetters;
import io.paymentnotifier.dlq.Origin;
import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.PaymentFinalized;
import java.time.Instant;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Reads and checks each input record: an unreadable value, an unreadable key and an invalid event
 * go to the dead-letter sink, valid events go on to dedup keyed by paymentRequestId.
 *
 * <p>A key is read as plain UTF-8 or as a Confluent Avro string, whichever the producer wrote; a
 * key that is neither dead-letters a readable event as INVALID_EVENT, with the event kept so that a
 * replay re-publishes it under its paymentRequestId.
 */
final class PaymentDecoder implements Processor<byte[], byte[], String, SpecificRecord> {

  private final Deserializer<PaymentFinalized> values;
  private final Deserializer<String> keys;
  private final PaymentValidator validator;
  private final DeadLetterSink deadLetters;
  private ProcessorContext<String, SpecificRecord> context;

  PaymentDecoder(
      final TopologySerdes serdes,
      final PaymentValidator validator,
      final NotificationObserver observer) {
    this.values = serdes.payment().deserializer();
    this.keys = serdes.inputKey();
    this.validator = validator;
    this.deadLetters = new DeadLetterSink(observer);
  }

  @Override
  public void init(final ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
  }

  @Override
  public void process(final Record<byte[], byte[]> record) {
    final Origin origin = Decoding.origin(context);
    final Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    final PaymentFinalized event;
    try {
      event = Decoding.read(values, origin.topic(), record.headers(), record.value());
    } catch (UnreadableRecordException e) {
      final DeadLetter dead =
          DeadLetters.undeserializable(
              record.key(), record.value(), origin, origin, e.getMessage(), now);
      deadLetters.send(context, readableKey(record, origin).orElse(null), dead);
      return;
    }
    final String key;
    try {
      key = key(record, origin);
    } catch (UnreadableRecordException e) {
      invalid(event, record, origin, e.getMessage(), null, now);
      return;
    }
    final Optional<String> violation = validator.violation(key, event);
    if (violation.isPresent()) {
      invalid(event, record, origin, violation.get(), key, now);
      return;
    }
    context.forward(
        new Record<String, SpecificRecord>(key, event, record.timestamp()),
        ProcessorNames.DEDUP_PAYMENT);
  }

  private void invalid(
      final PaymentFinalized event,
      final Record<byte[], byte[]> record,
      final Origin origin,
      final String detail,
      final String key,
      final Instant now) {
    final DeadLetter dead = DeadLetters.invalidEvent(event, record.key(), origin, detail, now);
    final String dlqKey = event.getPaymentRequestId() == null ? key : event.getPaymentRequestId();
    deadLetters.send(context, dlqKey, dead);
  }

  /** The key as text; UnreadableRecordException when it is in no format we read. */
  private String key(final Record<byte[], byte[]> record, final Origin origin) {
    return record.key() == null
        ? null
        : Decoding.read(keys, origin.topic(), record.headers(), record.key());
  }

  private Optional<String> readableKey(final Record<byte[], byte[]> record, final Origin origin) {
    try {
      return Optional.ofNullable(key(record, origin));
    } catch (UnreadableRecordException e) {
      return Optional.empty();
    }
  }
}
