package io.paymentnotifier.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.DeadLetterReason;
import io.paymentnotifier.events.NotifyAttempt;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DlqFilterTest {

  private static final Instant T0 = Instant.parse("2026-01-31T12:00:00Z");

  @Test
  void shouldMatchByReasonCodeTimeAndKeyIgnoringCase() {
    // given
    final DlqRecord rejected =
        record("p-1", DeadLetterReason.REJECTED, attempt("F", "PROCESS_FAIL", 200), T0);
    final DlqRecord exhausted =
        record(
            "p-2",
            DeadLetterReason.RETRIES_EXHAUSTED,
            attempt(null, null, 503),
            T0.plusSeconds(60));
    // when
    final DlqFilter byReason = new DlqFilter(Set.of("rejected"), Set.of(), null, null, null);
    final DlqFilter byCode = new DlqFilter(Set.of(), Set.of("http_503"), null, null, null);
    final DlqFilter byTime =
        new DlqFilter(Set.of(), Set.of(), T0.plusSeconds(1), T0.plusSeconds(61), null);
    final DlqFilter byKey = new DlqFilter(Set.of(), Set.of(), null, null, "p-1");
    // then
    assertThat(List.of(rejected, exhausted))
        .filteredOn(byReason::matches)
        .containsExactly(rejected);
    assertThat(List.of(rejected, exhausted)).filteredOn(byCode::matches).containsExactly(exhausted);
    assertThat(List.of(rejected, exhausted)).filteredOn(byTime::matches).containsExactly(exhausted);
    assertThat(List.of(rejected, exhausted)).filteredOn(byKey::matches).containsExactly(rejected);
    assertThat(List.of(rejected, exhausted)).allMatch(DlqFilter.all()::matches);
  }

  @Test
  void shouldMatchAKeyByThePaymentRequestIdTheListShowsNotTheRawRecordKey() {
    // given: a record an earlier release keyed by the producer's Confluent Avro key bytes
    final DlqRecord avroKeyed =
        new DlqRecord(
            "dlq",
            0,
            2,
            "\u0000\u0000\u0000\u0000\u0001\u0006p-1",
            T0,
            record("p-1", DeadLetterReason.INVALID_EVENT, null, T0).letter(),
            null);
    final DlqRecord unreadableEvent =
        new DlqRecord(
            "dlq",
            0,
            3,
            "p-2",
            T0,
            DeadLetter.newBuilder(record("x", DeadLetterReason.UNDESERIALIZABLE, null, T0).letter())
                .setPaymentRequestId(null)
                .build(),
            null);
    // when
    final DlqFilter byKey = new DlqFilter(Set.of(), Set.of(), null, null, "p-1");
    final DlqFilter byRecordKey = new DlqFilter(Set.of(), Set.of(), null, null, "p-2");
    // then
    assertThat(avroKeyed.paymentRequestId()).isEqualTo("p-1");
    assertThat(byKey.matches(avroKeyed)).isTrue();
    assertThat(unreadableEvent.paymentRequestId()).isEqualTo("p-2");
    assertThat(byRecordKey.matches(unreadableEvent)).isTrue();
  }

  @Test
  void shouldShowThePaymentRequestIdInTheTableWithControlCharactersEscaped() {
    // given
    final DlqRecord avroKeyed =
        new DlqRecord(
            "dlq",
            0,
            2,
            "\u0000\u0000\u0000\u0000\u0001\u0006p-1",
            T0,
            record("p-1", DeadLetterReason.INVALID_EVENT, null, T0).letter(),
            null);
    final DlqRecord hostile =
        new DlqRecord(
            "dlq",
            0,
            3,
            "x",
            T0,
            record("p\u001b[2J", DeadLetterReason.INVALID_EVENT, null, T0).letter(),
            null);
    final StringWriter text = new StringWriter();
    // when
    DlqReport.table(List.of(avroKeyed, hostile), new PrintWriter(text, true));
    // then
    assertThat(text.toString())
        .contains("p-1 ")
        .contains("p\\u001B[2J")
        .doesNotContain("\u0000")
        .doesNotContain("\u001b");
  }

  @Test
  void shouldNameTheLastResultCodeByCodeThenHttpStatusThenNoAnswer() {
    // given
    final NotifyAttempt noAnswer = attempt(null, null, null);
    // when
    final DlqRecord byCode =
        record("a", DeadLetterReason.REJECTED, attempt("F", "PARAM_ILLEGAL", 200), T0);
    final DlqRecord byStatus =
        record("b", DeadLetterReason.RETRIES_EXHAUSTED, attempt(null, null, 429), T0);
    final DlqRecord silent = record("c", DeadLetterReason.RETRIES_EXHAUSTED, noAnswer, T0);
    final DlqRecord invalid = record("d", DeadLetterReason.INVALID_EVENT, null, T0);
    // then
    assertThat(byCode.lastResultCode()).isEqualTo("PARAM_ILLEGAL");
    assertThat(byStatus.lastResultCode()).isEqualTo("HTTP_429");
    assertThat(silent.lastResultCode()).isEqualTo("NO_ANSWER");
    assertThat(invalid.lastResultCode()).isEqualTo("-");
    assertThat(invalid.attempts()).isZero();
  }

  static DlqRecord record(
      final String key,
      final DeadLetterReason reason,
      final NotifyAttempt attempt,
      final Instant at) {
    final DeadLetter letter =
        DeadLetter.newBuilder()
            .setReason(reason)
            .setDetail("test")
            .setPaymentRequestId(key)
            .setOriginTopic("in")
            .setOriginPartition(0)
            .setOriginOffset(7)
            .setHistory(attempt == null ? List.of() : List.of(attempt))
            .setLastFailureAt(at)
            .setDeadLetteredAt(at)
            .build();
    return new DlqRecord("dlq", 0, 1, key, at, letter, null);
  }

  static NotifyAttempt attempt(final String status, final String code, final Integer http) {
    return NotifyAttempt.newBuilder()
        .setAttempt(1)
        .setStartedAt(T0)
        .setLatencyMs(12)
        .setOutcome(code == null ? "RETRY_LATER" : "REJECTED")
        .setHttpStatus(http)
        .setResultStatus(status)
        .setResultCode(code)
        .build();
  }
}
