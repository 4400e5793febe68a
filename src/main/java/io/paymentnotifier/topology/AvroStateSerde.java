package io.paymentnotifier.topology;

import io.paymentnotifier.avro.UnreadableRecordException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
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

  /**
   * The serde of one generated record class. It writes the class's schema and reads it, plus every
   * earlier version named: resources holding the whole schema as it was (its fingerprint is what
   * stored entries carry), so state written before a schema change still reads.
   */
  public static <T extends SpecificRecord> Serde<T> of(
      final Class<T> type, final String... earlierSchemaResources) {
    final SpecificData model = SpecificData.getForClass(type);
    final Schema schema = model.getSchema(type);
    final BinaryMessageEncoder<T> encoder = new BinaryMessageEncoder<>(model, schema);
    final BinaryMessageDecoder<T> decoder = new BinaryMessageDecoder<>(model, schema);
    for (final String resource : earlierSchemaResources) {
      decoder.addSchema(earlierSchema(resource));
    }
    final Serializer<T> serializer =
        (topic, value) -> value == null ? null : encode(encoder, value);
    final Deserializer<T> deserializer =
        (topic, bytes) -> bytes == null ? null : decode(decoder, bytes);
    return Serdes.serdeFrom(serializer, deserializer);
  }

  private static Schema earlierSchema(final String resource) {
    try (InputStream in = AvroStateSerde.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing state schema resource " + resource);
      }
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read state schema resource " + resource, e);
    }
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
