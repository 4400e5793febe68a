package io.paymentnotifier.topology;

import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.dlq.Origin;
import io.paymentnotifier.events.NotifyAttempt;
import io.paymentnotifier.events.PendingNotification;
import io.paymentnotifier.events.RetryScheduleEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
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
    final NotificationState first = NotificationState.firstCall(aPayment("p-1").build(), input);
    // when
    final var serde = NotificationState.serde();
    final NotificationState read =
        serde.deserializer().deserialize("t", serde.serializer().serialize("t", first));
    // then
    assertThat(read.phase()).isEqualTo(NotificationState.Phase.CALLING);
    assertThat(Origin.of(read.stored().getInput())).isEqualTo(input);
    assertThat(read.stored().getOriginOffset()).isEqualTo(99);
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
    final Schema version1;
    try (InputStream in =
        StateSerdeTest.class.getResourceAsStream(NotificationState.EARLIER_SCHEMAS[0])) {
      version1 = new Schema.Parser().parse(in);
    }
    assertThat(version1.getField("input")).isNull();
    final ByteBuffer buffer =
        new BinaryMessageEncoder<PendingNotification>(SpecificData.get(), version1).encode(entry);
    final byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
