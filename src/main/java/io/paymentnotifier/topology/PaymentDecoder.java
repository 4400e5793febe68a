package io.paymentnotifier.topology;

import io.paymentnotifier.avro.UnreadableRecordException;
import io.paymentnotifier.dlq.DeadLetters;
import io.paymentnotifier.dlq.Origin;
import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.PaymentFinalized;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Reads and checks each input record: unreadable bytes and invalid events go to the dead-letter
 * sink, valid events go on to dedup keyed by paymentRequestId.
 */
final class PaymentDecoder implements Processor<byte[], byte[], String, SpecificRecord> {

  private final Deserializer<PaymentFinalized> deserializer;
  private final DeadLetterSink deadLetters;
  private ProcessorContext<String, SpecificRecord> context;

  PaymentDecoder(
      final Deserializer<PaymentFinalized> deserializer, final NotificationObserver observer) {
    this.deserializer = deserializer;
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
      event = Decoding.read(deserializer, origin.topic(), record.headers(), record.value());
    } catch (UnreadableRecordException e) {
      final DeadLetter dead =
          DeadLetters.undeserializable(
              record.key(), record.value(), origin, origin, e.getMessage(), now);
      deadLetters.send(context, keyText(record.key()), dead);
      return;
    }
    final String key = keyText(record.key());
    final Optional<String> violation = PaymentValidator.violation(key, event);
    if (violation.isPresent()) {
      final DeadLetter dead =
          DeadLetters.invalidEvent(event, record.key(), origin, violation.get(), now);
      final String dlqKey = event.getPaymentRequestId() == null ? key : event.getPaymentRequestId();
      deadLetters.send(context, dlqKey, dead);
      return;
    }
    context.forward(
        new Record<String, SpecificRecord>(key, event, record.timestamp()),
        ProcessorNames.DEDUP_PAYMENT);
  }

  private static String keyText(final byte[] key) {
    return key == null ? null : new String(key, StandardCharsets.UTF_8);
  }
}
