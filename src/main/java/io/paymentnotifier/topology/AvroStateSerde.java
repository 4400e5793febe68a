package io.paymentnotifier.topology;

import io.paymentnotifier.avro.UnreadableRecordException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of the topology's own state-store values: Avro single-object encoding (schema fingerprint +
 * binary), so state never depends on the Schema Registry being reachable.
 */
public final class AvroStateSerde {

  private AvroStateSerde() {}

  /** The serde of one generated record class. */
  public static <T extends SpecificRecord> Serde<T> of(final Class<T> type) {
    final SpecificData model = SpecificData.getForClass(type);
    final org.apache.avro.Schema schema = model.getSchema(type);
    final BinaryMessageEncoder<T> encoder = new BinaryMessageEncoder<>(model, schema);
    final BinaryMessageDecoder<T> decoder = new BinaryMessageDecoder<>(model, schema);
    final Serializer<T> serializer =
        (topic, value) -> value == null ? null : encode(encoder, value);
    final Deserializer<T> deserializer =
        (topic, bytes) -> bytes == null ? null : decode(decoder, bytes);
    return Serdes.serdeFrom(serializer, deserializer);
  }

  private static <T> byte[] encode(final BinaryMessageEncoder<T> encoder, final T value) {
    try {
      final ByteBuffer buffer = encoder.encode(value);
      final byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode state record", e);
    }
  }

  private static <T> T decode(final BinaryMessageDecoder<T> decoder, final byte[] bytes) {
    try {
      return decoder.decode(bytes);
    } catch (IOException | RuntimeException e) {
      throw new UnreadableRecordException("unreadable state record: " + e.getMessage(), e);
    }
  }
}
