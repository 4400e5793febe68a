package io.paymentnotifier.topology;

import io.paymentnotifier.avro.SpecificAvroSerde;
import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.NotificationDone;
import io.paymentnotifier.events.NotificationRetry;
import io.paymentnotifier.events.PaymentFinalized;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/** The value serdes of the four topics (keys are always paymentRequestId strings). */
public record TopologySerdes(
    Serde<PaymentFinalized> payment,
    Serde<NotificationDone> done,
    Serde<NotificationRetry> retry,
    Serde<DeadLetter> deadLetter) {

  /** Confluent-wire-format serdes on the registry the settings name. */
  public static TopologySerdes fromRegistry(final Map<String, ?> registryConfig) {
    return new TopologySerdes(
        SpecificAvroSerde.forValues(PaymentFinalized.class, registryConfig),
        SpecificAvroSerde.forValues(NotificationDone.class, registryConfig),
        SpecificAvroSerde.forValues(NotificationRetry.class, registryConfig),
        SpecificAvroSerde.forValues(DeadLetter.class, registryConfig));
  }
}
