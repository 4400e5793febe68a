package io.paymentnotifier.avro;

import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paymentnotifier.events.Amount;
import io.paymentnotifier.events.PaymentFinalized;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpecificAvroSerdeTest {

  private final String scope = "serde-test-" + UUID.randomUUID();
  private final Map<String, String> config = Map.of("schema.registry.url", "mock://" + scope);

  @AfterEach
  void dropScope() {
    MockSchemaRegistry.dropScope(scope);
  }

  @Test
  void shouldReadBackTheEventItWrote() {
    // given
    final SpecificAvroSerde<PaymentFinalized> serde =
        SpecificAvroSerde.forValues(PaymentFinalized.class, config);
    final PaymentFinalized event = aPayment("p-1").build();
    // when
    final byte[] bytes = serde.serializer().serialize("payments", event);
    final PaymentFinalized read = serde.deserializer().deserialize("payments", bytes);
    // then
    assertThat(read).isEqualTo(event);
  }

  @Test
  void shouldReadEventsWithoutBeingToldTheClassWhenConfiguredLikeConfluent() {
    // given
    final SpecificAvroSerde<PaymentFinalized> serde = new SpecificAvroSerde<>();
    serde.configure(config, false);
    final PaymentFinalized event = aPayment("p-1").build();
    // when
    final PaymentFinalized read =
        serde.deserializer().deserialize("t", serde.serializer().serialize("t", event));
    // then
    assertThat(read).isEqualTo(event);
  }

  @Test
  void shouldFrameTheRecordWithMagicByteAndTheRegisteredId() {
    // given
    final SpecificAvroSerde<PaymentFinalized> serde =
        SpecificAvroSerde.forValues(PaymentFinalized.class, config);
    // when
    final byte[] bytes = serde.serializer().serialize("payments", aPayment("p").build());
    // then
    final int registeredId =
        MockSchemaRegistry.clientForScope(scope).idOf("payments-value", PaymentFinalized.SCHEMA$);
    assertThat(registeredId).isEqualTo(1);
    assertThat(bytes[0]).isZero();
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registeredId);
  }

  @Test
  void shouldGiveTheSameSchemaTheSameIdInEverySubject() {
    // given
    final SpecificAvroSerde<Amount> values = SpecificAvroSerde.forValues(Amount.class, config);
    final SpecificAvroSerde<Amount> keys = SpecificAvroSerde.forKeys(Amount.class, config);
    final Amount amount = Amount.newBuilder().setValue("1").setCurrency("USD").build();
    // when
    final byte[] asValue = values.serializer().serialize("a", amount);
    final byte[] asKey = keys.serializer().serialize("b", amount);
    // then
    final InMemorySchemaRegistry registry = MockSchemaRegistry.clientForScope(scope);
    assertThat(registry.subjects()).containsExactly("a-value", "b-key");
    assertThat(asKey).isEqualTo(asValue);
  }

  @Test
  void shouldMapNullToNullWithoutTouchingTheRegistry() {
    // given
    final SpecificAvroSerde<PaymentFinalized> serde =
        SpecificAvroSerde.forValues(PaymentFinalized.class, config);
    // when
    final byte[] bytes = serde.serializer().serialize("payments", null);
    final PaymentFinalized read = serde.deserializer().deserialize("payments", null);
    // then
    assertThat(bytes).isNull();
    assertThat(read).isNull();
    assertThat(MockSchemaRegistry.clientForScope(scope).subjects()).isEmpty();
  }

  @Test
  void shouldRefuseToWriteWhenSchemaIsNotRegisteredAndAutoRegisterIsOff() {
    // given
    final SpecificAvroSerde<PaymentFinalized> serde =
        SpecificAvroSerde.forValues(
            PaymentFinalized.class,
            Map.of("schema.registry.url", "mock://" + scope, "auto.register.schemas", "false"));
    // when / then
    assertThatThrownBy(() -> serde.serializer().serialize("payments", aPayment("p").build()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("payments-value");
  }

  @Test
  void shouldUseTheRegisteredIdWhenAutoRegisterIsOff() {
    // given
    final int id =
        MockSchemaRegistry.clientForScope(scope)
            .register("payments-value", PaymentFinalized.SCHEMA$);
    final SpecificAvroSerde<PaymentFinalized> serde =
        SpecificAvroSerde.forValues(
            PaymentFinalized.class,
            Map.of("schema.registry.url", "mock://" + scope, "auto.register.schemas", "false"));
    // when
    final byte[] bytes = serde.serializer().serialize("payments", aPayment("p").build());
    // then
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
  }

  @Test
  void shouldNameTheSubjectAfterTheRecordWhenConfiguredWithConfluentsClassName() {
    // given
    final SpecificAvroSerde<PaymentFinalized> serde =
        SpecificAvroSerde.forValues(
            PaymentFinalized.class,
            Map.of(
                "schema.registry.url",
                "mock://" + scope,
                "value.subject.name.strategy",
                "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"));
    // when
    serde.serializer().serialize("payments", aPayment("p").build());
    // then
    assertThat(MockSchemaRegistry.clientForScope(scope).subjects())
        .containsExactly("payments-io.paymentnotifier.events.PaymentFinalized");
  }

  @Test
  void shouldStartAgainFromIdOneAfterTheScopeIsDropped() {
    // given
    final SpecificAvroSerde<Amount> serde = SpecificAvroSerde.forValues(Amount.class, config);
    serde.serializer().serialize("a", Amount.newBuilder().setValue("1").setCurrency("X").build());
    // when
    MockSchemaRegistry.dropScope(scope);
    // then
    assertThat(MockSchemaRegistry.clientForScope(scope).subjects()).isEmpty();
    assertThat(MockSchemaRegistry.clientForScope(scope).register("s", PaymentFinalized.SCHEMA$))
        .isEqualTo(1);
  }

  @Test
  void shouldRefuseARecordMissingARequiredFieldWithASerializationException() {
    // given
    final SpecificAvroSerde<PaymentFinalized> serde =
        SpecificAvroSerde.forValues(PaymentFinalized.class, config);
    final PaymentFinalized incomplete = new PaymentFinalized();
    // when / then
    assertThatThrownBy(() -> serde.serializer().serialize("payments", incomplete))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("PaymentFinalized");
  }
}
