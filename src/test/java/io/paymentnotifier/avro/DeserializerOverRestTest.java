package io.paymentnotifier.avro;

import static io.paymentnotifier.avro.ScriptedRegistryServer.json;
import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paymentnotifier.events.PaymentFinalized;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the deserializer classifies registry answers it gets over HTTP. */
class DeserializerOverRestTest {

  private final ScriptedRegistryServer registry = new ScriptedRegistryServer();
  private final byte[] framedWithId7 = framedWithId7();

  DeserializerOverRestTest() throws IOException {}

  @AfterEach
  void close() {
    registry.close();
  }

  @Test
  void shouldTreatAnIdTheRegistryDoesNotKnowAsUnreadable() {
    // given
    registry.always(json(404, "{\"error_code\":40403,\"message\":\"Schema 7 not found\"}"));
    // when / then
    try (SpecificAvroSerde<PaymentFinalized> serde = serdeFor(registry.url())) {
      assertThatThrownBy(() -> serde.deserializer().deserialize("t", framedWithId7))
          .isInstanceOf(UnreadableRecordException.class);
    }
  }

  @Test
  void shouldTreatAFailingRegistryAsUnavailableNotAsABadRecord() {
    // given
    registry.always(
        json(500, "{\"error_code\":50001,\"message\":\"Error in the backend datastore\"}"));
    // when / then
    try (SpecificAvroSerde<PaymentFinalized> serde = serdeFor(registry.url())) {
      assertThatThrownBy(() -> serde.deserializer().deserialize("t", framedWithId7))
          .isInstanceOf(RegistryUnavailableException.class)
          .isNotInstanceOf(UnreadableRecordException.class);
    }
  }

  @Test
  void shouldTreatAnUnreachableRegistryAsUnavailable() {
    // given
    final String url = registry.url();
    registry.close();
    // when / then
    try (SpecificAvroSerde<PaymentFinalized> serde = serdeFor(url)) {
      assertThatThrownBy(() -> serde.deserializer().deserialize("t", framedWithId7))
          .isInstanceOf(RegistryUnavailableException.class);
    }
  }

  @Test
  void shouldReadTheRecordWithTheSchemaTheRegistryServes() throws IOException {
    // given
    registry.always(
        json(
            200,
            new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(Map.of("schema", PaymentFinalized.SCHEMA$.toString()))));
    // when
    try (SpecificAvroSerde<PaymentFinalized> serde = serdeFor(registry.url())) {
      final PaymentFinalized read = serde.deserializer().deserialize("t", framedWithId7);
      // then
      assertThat(read.getPaymentRequestId()).isEqualTo("p-7");
    }
    assertThat(registry.received()).extracting("rawPath").containsExactly("/schemas/ids/7");
  }

  private static SpecificAvroSerde<PaymentFinalized> serdeFor(final String url) {
    return SpecificAvroSerde.forValues(
        PaymentFinalized.class,
        Map.of("schema.registry.url", url, "max.retries", "1", "retries.wait.ms", "1"));
  }

  private static byte[] framedWithId7() {
    final SpecificAvroSerde<PaymentFinalized> writer =
        SpecificAvroSerde.forValues(
            PaymentFinalized.class,
            Map.of(
                "schema.registry.url", "mock://deserializer-over-rest",
                "auto.register.schemas", "false",
                "use.schema.id", "7"));
    return writer.serializer().serialize("t", aPayment("p-7").build());
  }
}
