package io.paymentnotifier.avro;

import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.events.PaymentFinalized;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/** The deserializer reads with the writer's schema from the registry and the class's own schema. */
class SchemaEvolutionReadTest {

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final SpecificAvroSerde<PaymentFinalized> serde =
      new SpecificAvroSerde<>(PaymentFinalized.class, registry);

  SchemaEvolutionReadTest() {
    serde.configure(Map.of("schema.registry.url", "http://unused:1"), false);
  }

  @Test
  void shouldReadAnEventWrittenByAnOlderSchemaWithoutAnOptionalField() throws IOException {
    // given
    final Schema older = withoutField(PaymentFinalized.SCHEMA$, "notifyUrl");
    final PaymentFinalized event = aPayment("p-old").build();
    final byte[] bytes = written(older, event);
    // when
    final PaymentFinalized read = serde.deserializer().deserialize("t", bytes);
    // then
    assertThat(read).isEqualTo(event);
    assertThat(read.getNotifyUrl()).isNull();
  }

  @Test
  void shouldIgnoreAFieldANewerWriterAdded() throws IOException {
    // given
    final Schema newer = withExtraField(PaymentFinalized.SCHEMA$);
    final PaymentFinalized event = aPayment("p-new").setNotifyUrl("https://x/n").build();
    final byte[] bytes = written(newer, event);
    // when
    final PaymentFinalized read = serde.deserializer().deserialize("t", bytes);
    // then
    assertThat(read).isEqualTo(event);
  }

  private byte[] written(final Schema writer, final PaymentFinalized event) throws IOException {
    final int id = registry.register("t-value-" + writer.getFields().size(), writer);
    final GenericRecord record = new GenericData.Record(writer);
    for (final Schema.Field field : writer.getFields()) {
      final Schema.Field known = PaymentFinalized.SCHEMA$.getField(field.name());
      record.put(field.name(), known == null ? "extra" : event.get(known.pos()));
    }
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(WireFormat.header(id));
    final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(writer, SpecificData.get()).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static Schema withoutField(final Schema schema, final String dropped) {
    final List<Schema.Field> fields = new ArrayList<>();
    for (final Schema.Field field : schema.getFields()) {
      if (!field.name().equals(dropped)) {
        fields.add(new Schema.Field(field, field.schema()));
      }
    }
    return copy(schema, fields);
  }

  private static Schema withExtraField(final Schema schema) {
    final List<Schema.Field> fields = new ArrayList<>();
    for (final Schema.Field field : schema.getFields()) {
      fields.add(new Schema.Field(field, field.schema()));
    }
    fields.add(
        new Schema.Field("channel", Schema.create(Schema.Type.STRING), "Added later.", "web"));
    return copy(schema, fields);
  }

  private static Schema copy(final Schema schema, final List<Schema.Field> fields) {
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }
}
