package io.paymentnotifier.devstack.bench;

import io.paymentnotifier.avro.SpecificAvroSerde;
import io.paymentnotifier.config.Topics;
import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.DeadLetterReason;
import io.paymentnotifier.events.NotificationDone;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.notify.NotifyClient;
import io.paymentnotifier.notify.NotifyOutcome;
import io.paymentnotifier.topology.Attempts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The obvious alternative the benchmark compares against: a topology that makes one blocking
 * notifyPayment call per record (same serde, same client, same simulator) and writes the done
 * record when Alipay+ acknowledges. Anything else is dead-lettered; the bench injects no faults.
 */
public final class BlockingBaseline {

  private BlockingBaseline() {}

  /** The baseline topology from the input topic to the done and DLQ topics. */
  public static Topology build(
      final Topics topics, final Map<String, ?> registryConfig, final NotifyClient client) {
    final Deserializer<PaymentFinalized> events =
        SpecificAvroSerde.forValues(PaymentFinalized.class, registryConfig).deserializer();
    final SpecificAvroSerde<SpecificRecord> outputs = new SpecificAvroSerde<>();
    outputs.configure(registryConfig, false);
    final StreamsBuilder builder = new StreamsBuilder();
    builder.stream(topics.input(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
        .processValues(() -> new CallAndWait(events, client), Named.as("blocking-notify"))
        .to(
            (key, value, context) ->
                value instanceof NotificationDone ? topics.done() : topics.dlq(),
            Produced.with(Serdes.String(), outputs));
    return builder.build();
  }

  /** Deserializes, calls and waits for the answer, on the stream thread. */
  private static final class CallAndWait
      implements FixedKeyProcessor<String, byte[], SpecificRecord> {
    private final Deserializer<PaymentFinalized> events;
    private final NotifyClient client;
    private FixedKeyProcessorContext<String, SpecificRecord> context;

    CallAndWait(final Deserializer<PaymentFinalized> events, final NotifyClient client) {
      this.events = events;
      this.client = client;
    }

    @Override
    public void init(final FixedKeyProcessorContext<String, SpecificRecord> context) {
      this.context = context;
    }

    @Override
    public void process(final FixedKeyRecord<String, byte[]> record) {
      final PaymentFinalized event = events.deserialize(topic(), record.value());
      final NotifyOutcome outcome = client.notify(event).join();
      final SpecificRecord result =
          outcome.kind() == NotifyOutcome.Kind.ACKNOWLEDGED
              ? Attempts.done(event, List.of(Attempts.of(1, outcome)))
              : deadLetter(event, outcome);
      context.forward(record.withValue(result));
    }

    private String topic() {
      return context.recordMetadata().map(m -> m.topic()).orElse("");
    }

    private DeadLetter deadLetter(final PaymentFinalized event, final NotifyOutcome outcome) {
      return DeadLetter.newBuilder()
          .setReason(DeadLetterReason.REJECTED)
          .setDetail("baseline: " + outcome.kind() + " " + outcome.call().resultCode())
          .setPaymentRequestId(event.getPaymentRequestId())
          .setEvent(event)
          .setOriginTopic(topic())
          .setOriginPartition(context.recordMetadata().map(m -> m.partition()).orElse(-1))
          .setOriginOffset(context.recordMetadata().map(m -> m.offset()).orElse(-1L))
          .setHistory(List.of())
          .setDeadLetteredAt(Instant.now())
          .build();
    }
  }
}
