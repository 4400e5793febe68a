package io.paymentnotifier.avro;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Writes a record as the subject's latest schema ({@code use.latest.version}) when that differs
 * from the record's own: the datum is resolved from its schema to the latest, so the bytes match
 * the id in the header.
 */
final class LatestVersionWriter {

  private record Conversion(Schema from, Schema to) {}

  private final ConcurrentMap<Conversion, Boolean> checked = new ConcurrentHashMap<>();
  private final boolean strict;

  LatestVersionWriter(final boolean strict) {
    this.strict = strict;
  }

  /** The Avro body of {@code data} written with the {@code latest} schema. */
  byte[] write(final SpecificRecord data, final RegisteredSchema latest) throws IOException {
    final Conversion conversion = new Conversion(data.getSchema(), latest.schema());
    if (strict && !checked.computeIfAbsent(conversion, LatestVersionWriter::latestReadsOwn)) {
      throw new SerializationException(
          "Latest schema (id "
              + latest.id()
              + ") of subject "
              + latest.subject()
              + " cannot read "
              + data.getSchema().getFullName()
              + " as this build writes it (latest.compatibility.strict=true)");
    }
    final ByteArrayOutputStream own = new ByteArrayOutputStream(256);
    final BinaryEncoder ownEncoder = EncoderFactory.get().directBinaryEncoder(own, null);
    new SpecificDatumWriter<SpecificRecord>(conversion.from()).write(data, ownEncoder);
    final Object resolved =
        new GenericDatumReader<>(conversion.from(), conversion.to())
            .read(null, DecoderFactory.get().binaryDecoder(own.toByteArray(), null));
    final ByteArrayOutputStream out = new ByteArrayOutputStream(own.size() + 16);
    final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    new GenericDatumWriter<>(conversion.to()).write(resolved, encoder);
    return out.toByteArray();
  }

  private static boolean latestReadsOwn(final Conversion conversion) {
    return SchemaCompatibility.checkReaderWriterCompatibility(conversion.to(), conversion.from())
            .getType()
        == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
  }
}
