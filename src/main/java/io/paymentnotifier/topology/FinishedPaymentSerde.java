package io.paymentnotifier.topology;

import io.paymentnotifier.events.FinishedOutcome;
import io.paymentnotifier.events.FinishedPayment;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Serde of the done store's values. Earlier releases stored plain text: the key-field fingerprint
 * of an acknowledged payment, or the mark {@value #LEGACY_DEAD_LETTERED}. Those still read, as
 * entries without the acknowledgment code or the reason. The two forms cannot be confused: an Avro
 * single-object value starts with the bytes C3 01, which no UTF-8 text does.
 */
final class FinishedPaymentSerde {

  static final String LEGACY_DEAD_LETTERED = "dead-lettered";
  private static final byte AVRO_MARKER = (byte) 0xC3;
  private static final byte AVRO_VERSION = 0x01;

  private FinishedPaymentSerde() {}

  static Serde<FinishedPayment> create() {
    final Serde<FinishedPayment> avro = AvroStateSerde.of(FinishedPayment.class);
    return Serdes.serdeFrom(
        avro.serializer(),
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          return isAvro(bytes)
              ? avro.deserializer().deserialize(topic, bytes)
              : legacy(new String(bytes, StandardCharsets.UTF_8));
        });
  }

  private static boolean isAvro(final byte[] bytes) {
    return bytes.length >= 2 && bytes[0] == AVRO_MARKER && bytes[1] == AVRO_VERSION;
  }

  private static FinishedPayment legacy(final String text) {
    final FinishedPayment.Builder entry = FinishedPayment.newBuilder();
    if (LEGACY_DEAD_LETTERED.equals(text)) {
      return entry.setOutcome(FinishedOutcome.DEAD_LETTERED).build();
    }
    return entry.setOutcome(FinishedOutcome.ACKNOWLEDGED).setFingerprint(text).build();
  }
}
