package io.paymentnotifier.ops;

import static io.paymentnotifier.ops.OutcomeFixtures.aDeadLetter;
import static io.paymentnotifier.ops.OutcomeFixtures.aDone;
import static io.paymentnotifier.ops.OutcomeFixtures.aPayment;
import static io.paymentnotifier.ops.OutcomeFixtures.anAttempt;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paymentnotifier.events.DeadLetterReason;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutcomeLoggerTest {

  private static final String CUSTOMER_ID = "2088123456789012";

  private final LogCapture log = new LogCapture(OutcomeLogger.LOGGER_NAME);
  private final OutcomeLogger outcomeLogger = new OutcomeLogger();

  @AfterEach
  void stopCapture() {
    log.close();
  }

  @Test
  void shouldWriteOneInfoLinePerDoneNotificationWithItsFacts() {
    // when
    outcomeLogger.done(aDone("p-1", 3));

    // then
    assertThat(log.events()).hasSize(1);
    final ILoggingEvent event = log.events().get(0);
    assertThat(event.getLevel()).isEqualTo(Level.INFO);
    assertThat(fields(event))
        .containsEntry("paymentRequestId", "p-1")
        .containsEntry("outcome", "DONE")
        .containsEntry("code", "SUCCESS")
        .containsEntry("attempts", "3")
        .containsEntry("latencyMs", "42");
  }

  @Test
  void shouldWriteOneInfoLinePerDeadLetterWithTheCustomerMasked() {
    // given
    final var deadLetter =
        aDeadLetter(
            DeadLetterReason.REJECTED,
            aPayment("p-2", CUSTOMER_ID),
            List.of(anAttempt(1, null), anAttempt(2, "PARAM_ILLEGAL")));

    // when
    outcomeLogger.deadLettered(deadLetter);

    // then
    assertThat(log.events()).hasSize(1);
    assertThat(fields(log.events().get(0)))
        .containsEntry("paymentRequestId", "p-2")
        .containsEntry("outcome", "DEAD_LETTERED")
        .containsEntry("reason", "REJECTED")
        .containsEntry("code", "PARAM_ILLEGAL")
        .containsEntry("attempts", "2")
        .containsEntry("latencyMs", "90000")
        .containsEntry("customerId", "20************12");
  }

  @Test
  void shouldNeverRenderTheCustomerIdInEitherLayout() {
    // given
    outcomeLogger.deadLettered(
        aDeadLetter(DeadLetterReason.REJECTED, aPayment("p-3", CUSTOMER_ID), List.of()));
    final ILoggingEvent event = log.events().get(0);

    // when
    final String text = LogCapture.render(event, LogFormat.TEXT);
    final String json = LogCapture.render(event, LogFormat.JSON);

    // then
    assertThat(text).doesNotContain(CUSTOMER_ID).contains("20************12");
    assertThat(json).doesNotContain(CUSTOMER_ID).contains("20************12");
  }

  @Test
  void shouldRenderTheFactsAsJsonFieldsInTheJsonLayout() throws Exception {
    // given
    outcomeLogger.done(aDone("p-4", 1));

    // when
    final String line = LogCapture.render(log.events().get(0), LogFormat.JSON);

    // then
    assertThat(line).endsWith("\n").containsOnlyOnce("\n");
    final JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.path("message").asText()).isEqualTo("Notification done");
    assertThat(json.path("level").asText()).isEqualTo("INFO");
    assertThat(json.path("paymentRequestId").asText()).isEqualTo("p-4");
    assertThat(json.path("outcome").asText()).isEqualTo("DONE");
    assertThat(json.path("attempts").asInt()).isEqualTo(1);
    assertThat(json.path("latencyMs").asLong()).isEqualTo(42L);
  }

  @Test
  void shouldRenderTheFactsAsKeyValuePairsInTheTextLayout() {
    // given
    outcomeLogger.done(aDone("p-5", 2));

    // when
    final String line = LogCapture.render(log.events().get(0), LogFormat.TEXT);

    // then
    assertThat(line)
        .contains("INFO")
        .contains("Notification done")
        .contains("paymentRequestId=\"p-5\"")
        .contains("outcome=\"DONE\"")
        .contains("code=\"SUCCESS\"")
        .contains("attempts=\"2\"")
        .contains("latencyMs=\"42\"");
  }

  private static Map<String, String> fields(final ILoggingEvent event) {
    return event.getKeyValuePairs().stream()
        .filter(pair -> pair.value != null)
        .collect(Collectors.toMap(pair -> pair.key, pair -> String.valueOf(pair.value)));
  }
}
