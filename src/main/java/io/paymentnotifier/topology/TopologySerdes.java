package io.paymentnotifier.topology;

import io.paymentnotifier.avro.SpecificAvroSerde;
import io.paymentnotifier.avro.StringKeyDeserializer;
import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.NotificationDone;
import io.paymentnotifier.events.NotificationRetry;
import io.paymentnotifier.events.PaymentFinalized;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;

/**
 * The value serdes of the four topics, and the reader of input keys: producers may write the
 * paymentRequestId as plain UTF-8 or as a Confluent Avro string. The keys the service writes are
 * always plain UTF-8 paymentRequestIds.
 */
public record TopologySerdes(
    Serde<PaymentFinalized> payment,
    Serde<NotificationDone> done,
    Serde<NotificationRetry> retry,
    Serde<DeadLetter> deadLetter,
    Deserializer<String> inputKey) {

  /** Confluent-wire-format serdes on the registry the settings name. */
  public static TopologySerdes fromRegistry(final Map<String, ?> registryConfig) {
    final StringKeyDeserializer inputKeys = new StringKeyDeserializer();
    inputKeys.configure(registryConfig, true);
    return new TopologySerdes(
        SpecificAvroSerde.forValues(PaymentFinalized.class, registryConfig),
        SpecificAvroSerde.forValues(NotificationDone.class, registryConfig),
        SpecificAvroSerde.forValues(NotificationRetry.class, registryConfig),
        SpecificAvroSerde.forValues(DeadLetter.class, registryConfig),
        inputKeys);
  }
}
