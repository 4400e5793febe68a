package io.paymentnotifier.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.events.Amount;
import io.paymentnotifier.events.PaymentResult;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Byte-exact checks of the Confluent wire format, in the style of the spec's example. */
class WireFormatGoldenTest {

  private final String scope = "golden-" + UUID.randomUUID();

  @AfterEach
  void dropScope() {
    MockSchemaRegistry.dropScope(scope);
  }

  @Test
  void shouldWriteMagicByteBigEndianIdAndBareAvroForAFixedSchemaId() {
    // given
    MockSchemaRegistry.clientForScope(scope);
    final SpecificAvroSerde<PaymentResult> serde =
        SpecificAvroSerde.forValues(
            PaymentResult.class,
            Map.of(
                "schema.registry.url", "mock://" + scope,
                "auto.register.schemas", "false",
                "use.schema.id", "7"));
    final PaymentResult result =
        PaymentResult.newBuilder().setResultStatus("S").setResultCode("SUCCESS").build();
    // when
    final byte[] bytes = serde.serializer().serialize("t", result);
    // then: 00 | id 7 | "S" (len 1 -> 02) | "SUCCESS" (len 7 -> 0e) | union branch 0 = null
    assertThat(HexFormat.ofDelimiter(" ").formatHex(bytes))
        .isEqualTo("00 00 00 00 07 02 53 0e 53 55 43 43 45 53 53 00");
  }

  @Test
  void shouldWriteTheIdTheRegistryAssigned() {
    // given
    final SpecificAvroSerde<Amount> serde =
        SpecificAvroSerde.forValues(Amount.class, Map.of("schema.registry.url", "mock://" + scope));
    final Amount amount = Amount.newBuilder().setValue("100").setCurrency("JPY").build();
    // when
    final byte[] bytes = serde.serializer().serialize("t", amount);
    // then: 00 | id 1 | "100" (len 3 -> 06) | "JPY" (len 3 -> 06)
    assertThat(HexFormat.ofDelimiter(" ").formatHex(bytes))
        .isEqualTo("00 00 00 00 01 06 31 30 30 06 4a 50 59");
  }

  @Test
  void shouldReadTheGoldenBytesBack() {
    // given
    final SpecificAvroSerde<Amount> serde =
        SpecificAvroSerde.forValues(Amount.class, Map.of("schema.registry.url", "mock://" + scope));
    MockSchemaRegistry.clientForScope(scope).register("t-value", Amount.SCHEMA$);
    final byte[] golden =
        HexFormat.ofDelimiter(" ").parseHex("00 00 00 00 01 06 31 30 30 06 4a 50 59");
    // when
    final Amount amount = serde.deserializer().deserialize("t", golden);
    // then
    assertThat(amount.getValue()).isEqualTo("100");
    assertThat(amount.getCurrency()).isEqualTo("JPY");
  }
}
