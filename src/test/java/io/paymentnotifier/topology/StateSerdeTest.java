package io.paymentnotifier.topology;

import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.dlq.Origin;
import io.paymentnotifier.events.FinishedOutcome;
import io.paymentnotifier.events.FinishedPayment;
import io.paymentnotifier.events.NotifyAttempt;
import io.paymentnotifier.events.PendingNotification;
import io.paymentnotifier.events.RetryScheduleEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/** State written before a schema change still reads: a restart after an upgrade loses nothing. */
class StateSerdeTest {

  private static final Instant STARTED = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant DUE = STARTED.plusSeconds(10);

  @Test
  void shouldReadAnInFlightEntryStoredBeforeTheInputCoordinates() throws IOException {
    // given: a waiting entry as the previous release stored it
    final byte[] stored = writtenAsVersion1(waitingEntry());
    // when
    final NotificationState state =
        NotificationState.serde().deserializer().deserialize("t", stored);
    // then
    assertThat(state.phase()).isEqualTo(NotificationState.Phase.WAITING);
    assertThat(state.attempt()).isEqualTo(2);
    assertThat(state.dueAt()).isEqualTo(DUE);
    assertThat(state.event()).isEqualTo(aPayment("p-1").build());
    assertThat(state.stored().getInput()).isNull();
  }

  @Test
  void shouldReadAScheduleEntryStoredAsAWholeCopyOfTheNotification() throws IOException {
    // given: the previous release kept the whole notification in the schedule
    final byte[] stored = writtenAsVersion1(waitingEntry());
    // when
    final RetryScheduleEntry entry =
        ScheduleEntrySerde.create().deserializer().deserialize("t", stored);
    // then: waiting since the end of its last attempt
    assertThat(entry.getAttempt()).isEqualTo(2);
    assertThat(entry.getWaitingSince()).isEqualTo(STARTED.plusMillis(120));
  }

  @Test
  void shouldKeepTheInputCoordinatesOfAStoredState() {
    // given
    final Origin input = new Origin("payment-finalized", 2, 99);
    final NotificationState first =
        NotificationState.firstCall(aPayment("p-1").build(), input, STARTED);
    // when
    final var serde = NotificationState.serde();
    final NotificationState read =
        serde.deserializer().deserialize("t", serde.serializer().serialize("t", first));
    // then
    assertThat(read.phase()).isEqualTo(NotificationState.Phase.CALLING);
    assertThat(Origin.of(read.stored().getInput())).isEqualTo(input);
    assertThat(read.stored().getOriginOffset()).isEqualTo(99);
  }

  @Test
  void shouldReadAnInFlightEntryStoredBeforeCallingSinceAsCallingSinceAnUnknownTime()
      throws IOException {
    // given: a calling entry as the release before the status lookup stored it
    final PendingNotification calling =
        PendingNotification.newBuilder(waitingEntry())
            .setDueAt(null)
            .setInput(new Origin("payment-finalized", 0, 7).coordinates())
            .build();
    final byte[] stored = writtenAs(NotificationState.EARLIER_SCHEMAS[1], calling);
    // when
    final NotificationState state =
        NotificationState.serde().deserializer().deserialize("t", stored);
    // then
    assertThat(state.status()).isEqualTo(new PaymentStatus.InFlight("p-1", 2, null));
    assertThat(Origin.of(state.stored().getInput()))
        .isEqualTo(new Origin("payment-finalized", 0, 7));
  }

  @Test
  void shouldKeepWhenTheRunningAttemptStarted() {
    // given
    final NotificationState first =
        NotificationState.firstCall(aPayment("p-1").build(), new Origin("t", 0, 1), STARTED);
    // when
    final var serde = NotificationState.serde();
    final NotificationState read =
        serde.deserializer().deserialize("t", serde.serializer().serialize("t", first));
    // then
    assertThat(read.status()).isEqualTo(new PaymentStatus.InFlight("p-1", 1, STARTED));
  }

  @Test
  void shouldReadDoneStoreValuesOfEarlierReleasesWrittenAsPlainText() {
    // given: a fingerprint of an acknowledged payment, and the mark of a dead-lettered one
    final var serde = FinishedPaymentSerde.create();
    final byte[] fingerprint = "9f86d081884c7d65".getBytes(StandardCharsets.UTF_8);
    final byte[] mark = "dead-lettered".getBytes(StandardCharsets.UTF_8);
    // when
    final FinishedPayment acknowledged = serde.deserializer().deserialize("t", fingerprint);
    final FinishedPayment deadLettered = serde.deserializer().deserialize("t", mark);
    // then
    assertThat(acknowledged.getOutcome()).isEqualTo(FinishedOutcome.ACKNOWLEDGED);
    assertThat(acknowledged.getFingerprint()).isEqualTo("9f86d081884c7d65");
    assertThat(acknowledged.getAckResultCode()).isNull();
    assertThat(deadLettered.getOutcome()).isEqualTo(FinishedOutcome.DEAD_LETTERED);
    assertThat(deadLettered.getFingerprint()).isNull();
  }

  @Test
  void shouldKeepTheAcknowledgmentCodeInTheDoneStore() {
    // given
    final var serde = FinishedPaymentSerde.create();
    final FinishedPayment entry =
        FinishedPayment.newBuilder()
            .setOutcome(FinishedOutcome.ACKNOWLEDGED)
            .setFingerprint("abc")
            .setAckResultStatus("S")
            .setAckResultCode("SUCCESS")
            .setAttempts(2)
            .build();
    // when
    final FinishedPayment read =
        serde.deserializer().deserialize("t", serde.serializer().serialize("t", entry));
    // then
    assertThat(read).isEqualTo(entry);
  }

  private static PendingNotification waitingEntry() {
    return PendingNotification.newBuilder()
        .setEvent(aPayment("p-1").build())
        .setAttempt(2)
        .setDueAt(DUE)
        .setHistory(
            List.of(
                NotifyAttempt.newBuilder()
                    .setAttempt(1)
                    .setStartedAt(STARTED)
                    .setLatencyMs(120)
                    .setOutcome("RETRY_LATER")
                    .setHttpStatus(503)
                    .build()))
        .setOriginTopic("payment-finalized")
        .setOriginPartition(0)
        .setOriginOffset(7)
        .build();
  }

  /** The entry written with the first stored schema, which had no input field. */
  private static byte[] writtenAsVersion1(final PendingNotification entry) throws IOException {
    return writtenAs(NotificationState.EARLIER_SCHEMAS[0], entry);
  }

  /** The entry written with an earlier stored schema, which had no callingSince field. */
  private static byte[] writtenAs(final String schemaResource, final PendingNotification entry)
      throws IOException {
    final Schema earlier;
    try (InputStream in = StateSerdeTest.class.getResourceAsStream(schemaResource)) {
      earlier = new Schema.Parser().parse(in);
    }
    assertThat(earlier.getField("callingSince")).isNull();
    final ByteBuffer buffer =
        new BinaryMessageEncoder<PendingNotification>(SpecificData.get(), earlier).encode(entry);
    final byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
