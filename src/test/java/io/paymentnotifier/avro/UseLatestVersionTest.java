package io.paymentnotifier.avro;

import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paymentnotifier.events.PaymentFinalized;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** {@code use.latest.version}: write as the subject's latest schema, not the record's own. */
class UseLatestVersionTest {

  private static final Map<String, String> LATEST =
      Map.of(
          "schema.registry.url", "http://unused:1",
          "auto.register.schemas", "false",
          "use.latest.version", "true");

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

  @Test
  void shouldWriteWithTheLatestSchemaAndItsIdWhenItDiffersFromTheRecords() {
    // given
    registry.setGlobalCompatibility(CompatibilityLevel.NONE);
    registry.register("t-value", PaymentFinalized.SCHEMA$);
    final Schema latest = without(PaymentFinalized.SCHEMA$, "notifyUrl");
    final int latestId = registry.register("t-value", latest);
    final SpecificAvroSerde<PaymentFinalized> serde = serde();
    final PaymentFinalized event = aPayment("p").setNotifyUrl("https://x/n").build();
    // when
    final byte[] bytes = serde.serializer().serialize("t", event);
    final PaymentFinalized read = serde.deserializer().deserialize("t", bytes);
    // then
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latestId);
    assertThat(read.getNotifyUrl()).isNull();
    assertThat(read.getPaymentRequestId()).isEqualTo("p");
  }

  @Test
  void shouldUseTheLatestIdDirectlyWhenTheSchemasAreEqual() {
    // given
    final int id = registry.register("t-value", PaymentFinalized.SCHEMA$);
    final SpecificAvroSerde<PaymentFinalized> serde = serde();
    final PaymentFinalized event = aPayment("p").build();
    // when
    final byte[] bytes = serde.serializer().serialize("t", event);
    // then
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(event);
  }

  @Test
  void shouldRefuseALatestSchemaThatCannotReadTheRecordWhenStrict() {
    // given
    final List<Schema.Field> fields = copies(PaymentFinalized.SCHEMA$, "");
    fields.add(
        new Schema.Field("mandatory", Schema.create(Schema.Type.STRING), "No default.", null));
    registry.register("t-value", record(PaymentFinalized.SCHEMA$, fields));
    final SpecificAvroSerde<PaymentFinalized> serde = serde();
    // when / then
    assertThatThrownBy(() -> serde.serializer().serialize("t", aPayment("p").build()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("latest.compatibility.strict");
  }

  private SpecificAvroSerde<PaymentFinalized> serde() {
    final SpecificAvroSerde<PaymentFinalized> serde =
        new SpecificAvroSerde<>(PaymentFinalized.class, registry);
    serde.configure(LATEST, false);
    return serde;
  }

  private static Schema without(final Schema schema, final String dropped) {
    return record(schema, copies(schema, dropped));
  }

  private static List<Schema.Field> copies(final Schema schema, final String dropped) {
    final List<Schema.Field> fields = new ArrayList<>();
    for (final Schema.Field field : schema.getFields()) {
      if (!field.name().equals(dropped)) {
        fields.add(new Schema.Field(field, field.schema()));
      }
    }
    return fields;
  }

  private static Schema record(final Schema schema, final List<Schema.Field> fields) {
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }
}
