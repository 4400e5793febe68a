package io.paymentnotifier.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paymentnotifier.dlq.Origin;
import io.paymentnotifier.topology.PaymentStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentStatusJsonTest {

  private static final Instant AT = Instant.parse("2026-03-01T10:00:00.120Z");

  @Test
  void shouldWriteEachStateWithItsOwnFields() {
    // given
    final List<PaymentStatus> statuses =
        List.of(
            new PaymentStatus.InFlight("p-1", 1, AT),
            new PaymentStatus.Waiting("p-2", 2, AT, "U UNKNOWN_EXCEPTION"),
            new PaymentStatus.Done("p-3", AT, "S", "SUCCESS", 1),
            new PaymentStatus.DeadLettered(
                "p-4", AT, "REJECTED", 1, new Origin("payment-notify-dlq", 2, 17)),
            new PaymentStatus.Unknown("p-5"));
    // when
    final List<String> written =
        statuses.stream().map(s -> PaymentStatusJson.write(s).toString()).toList();
    // then
    assertThat(written)
        .containsExactly(
            "{\"paymentRequestId\":\"p-1\",\"state\":\"IN_FLIGHT\",\"attempt\":1,"
                + "\"since\":\"2026-03-01T10:00:00.120Z\"}",
            "{\"paymentRequestId\":\"p-2\",\"state\":\"WAITING\",\"attempt\":2,"
                + "\"dueAt\":\"2026-03-01T10:00:00.120Z\",\"lastAnswer\":\"U UNKNOWN_EXCEPTION\"}",
            "{\"paymentRequestId\":\"p-3\",\"state\":\"DONE\",\"doneAt\":\"2026-03-01T10:00:00.120Z\","
                + "\"ackResultStatus\":\"S\",\"ackResultCode\":\"SUCCESS\",\"attempts\":1}",
            "{\"paymentRequestId\":\"p-4\",\"state\":\"DEAD_LETTERED\","
                + "\"deadLetteredAt\":\"2026-03-01T10:00:00.120Z\",\"reason\":\"REJECTED\","
                + "\"attempts\":1,\"dlqRecord\":{\"topic\":\"payment-notify-dlq\",\"partition\":2,"
                + "\"offset\":17}}",
            "{\"paymentRequestId\":\"p-5\",\"state\":\"UNKNOWN\"}");
    assertThat(statuses.stream().map(s -> PaymentStatusJson.read(PaymentStatusJson.write(s))))
        .containsExactlyElementsOf(statuses);
  }

  @Test
  void shouldLeaveOutWhatTheStoresDidNotRecord() {
    // given: a done entry written by an earlier release
    final PaymentStatus legacy = new PaymentStatus.Done("p-1", AT, null, null, null);
    // when
    final String written = PaymentStatusJson.write(legacy).toString();
    // then
    assertThat(written)
        .isEqualTo(
            "{\"paymentRequestId\":\"p-1\",\"state\":\"DONE\",\"doneAt\":\"2026-03-01T10:00:00.120Z\"}");
    assertThat(PaymentStatusJson.read(PaymentStatusJson.write(legacy))).isEqualTo(legacy);
  }

  @Test
  void shouldRefuseJsonThatIsNoPaymentStatus() throws Exception {
    // given
    final ObjectMapper json = new ObjectMapper();
    // when / then
    assertThatThrownBy(() -> PaymentStatusJson.read(json.readTree("{\"error\":\"UNAVAILABLE\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a payment status");
    assertThatThrownBy(
            () ->
                PaymentStatusJson.read(
                    json.readTree("{\"paymentRequestId\":\"p\",\"state\":\"LOST\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown payment state LOST");
  }
}
