package io.paymentnotifier.topology;

import io.paymentnotifier.dlq.Origin;
import io.paymentnotifier.events.NotificationRetry;
import io.paymentnotifier.events.NotifyAttempt;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.events.PendingNotification;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * What the in-flight store knows of one payment: its attempt is being called, or it waits to be
 * made at a due time. The processors ask this type whether a completion or a due retry is current
 * and how the payment moves on; it is the only code that reads or writes the stored form.
 *
 * <p>Stored as a {@link PendingNotification} whose dueAt is null while calling. A call held back
 * before it is sent (overload control) is stored as CALLING too: decided, not sent, not yet an
 * attempt, with no field of its own, since whoever restores the task calls (or holds) it again.
 * That it is held, not running, only the task's {@link CallStarter} knows.
 */
final class NotificationState {

  /** Where a notification stands. */
  enum Phase {
    /** Attempt {@link #attempt()} is being called, or held back; after a restore, again. */
    CALLING,
    /** Attempt {@link #attempt()} waits for {@link #dueAt()}; the retry schedule indexes it. */
    WAITING
  }

  /** Resources holding earlier versions of the stored schema, so old entries still read. */
  static final String[] EARLIER_SCHEMAS = {
    "/state-schemas/PendingNotification-1.avsc", "/state-schemas/PendingNotification-2.avsc"
  };

  private final PendingNotification stored;

  private NotificationState(final PendingNotification stored) {
    this.stored = stored;
  }

  /** The first attempt of a payment just read from the input: being called from {@code now}. */
  static NotificationState firstCall(
      final PaymentFinalized event, final Origin input, final Instant now) {
    return new NotificationState(
        origin(PendingNotification.newBuilder(), input)
            .setEvent(event)
            .setAttempt(1)
            .setDueAt(null)
            .setCallingSince(now)
            .setHistory(List.of())
            .setInput(input.coordinates())
            .build());
  }

  /** A retry record this task held nothing for (a state reset, a replay): taken on as waiting. */
  static NotificationState adopted(final NotificationRetry retry, final Origin record) {
    return new NotificationState(
        origin(PendingNotification.newBuilder(), record)
            .setEvent(retry.getEvent())
            .setAttempt(retry.getAttempt())
            .setDueAt(retry.getDueAt())
            .setHistory(retry.getHistory())
            .setInput(retry.getInput())
            .build());
  }

  /** A state as it was stored. */
  static NotificationState restored(final PendingNotification stored) {
    return new NotificationState(stored);
  }

  /** The serde of the in-flight store's values. */
  static Serde<NotificationState> serde() {
    final Serde<PendingNotification> avro =
        AvroStateSerde.of(PendingNotification.class, EARLIER_SCHEMAS);
    return Serdes.serdeFrom(
        (topic, state) -> state == null ? null : avro.serializer().serialize(topic, state.stored),
        (topic, bytes) -> {
          final PendingNotification value = avro.deserializer().deserialize(topic, bytes);
          return value == null ? null : restored(value);
        });
  }

  Phase phase() {
    return stored.getDueAt() == null ? Phase.CALLING : Phase.WAITING;
  }

  /** The attempt being called, or the one to make when due (1 for the first call). */
  int attempt() {
    return stored.getAttempt();
  }

  /** When the waiting attempt is due; null while calling. */
  Instant dueAt() {
    return stored.getDueAt();
  }

  /** While calling, when this attempt started; null while waiting or when not recorded. */
  Instant callingSince() {
    return stored.getCallingSince();
  }

  PaymentFinalized event() {
    return stored.getEvent();
  }

  String paymentRequestId() {
    return stored.getEvent().getPaymentRequestId();
  }

  /** Every finished attempt, oldest first. */
  List<NotifyAttempt> history() {
    return stored.getHistory();
  }

  /** When it started waiting: the end of its last attempt; {@code otherwise} without one. */
  Instant waitingSince(final Instant otherwise) {
    final List<NotifyAttempt> history = stored.getHistory();
    if (history.isEmpty()) {
      return otherwise;
    }
    final NotifyAttempt last = history.get(history.size() - 1);
    return last.getStartedAt().plusMillis(last.getLatencyMs());
  }

  /** What the status lookup says of it: in flight since when, or waiting for which attempt. */
  PaymentStatus status() {
    if (phase() == Phase.CALLING) {
      return new PaymentStatus.InFlight(paymentRequestId(), attempt(), callingSince());
    }
    final List<NotifyAttempt> history = stored.getHistory();
    final String lastAnswer =
        history.isEmpty() ? null : Attempts.answer(history.get(history.size() - 1));
    return new PaymentStatus.Waiting(paymentRequestId(), attempt(), dueAt(), lastAnswer);
  }

  /**
   * True when this completion is about the store's current attempt: it ends the call the store
   * waits for (not an older call's), or it refuses the attempt the store would make next.
   */
  boolean awaits(final Completion completion) {
    return attempt() == completion.attempt()
        && (completion.isRefusal() || phase() == Phase.CALLING);
  }

  /** True when the schedule entry due at {@code due} releases this retry; else it is stale. */
  boolean isReleasedAt(final Instant due) {
    return phase() == Phase.WAITING && dueAt().equals(due);
  }

  /** True when the retry record is the one this state waits for: the task wrote it itself. */
  boolean holds(final NotificationRetry retry) {
    return phase() == Phase.WAITING
        && attempt() == retry.getAttempt()
        && dueAt().equals(retry.getDueAt());
  }

  /** After a failed attempt, with its entry last in {@code history}: waiting for the next. */
  NotificationState waitingForNext(final Instant due, final List<NotifyAttempt> history) {
    return new NotificationState(
        PendingNotification.newBuilder(stored)
            .setAttempt(attempt() + 1)
            .setDueAt(due)
            .setCallingSince(null)
            .setHistory(history)
            .build());
  }

  /** The due retry starts: its attempt is being called from {@code now}. */
  NotificationState calling(final Instant now) {
    return new NotificationState(
        PendingNotification.newBuilder(stored).setDueAt(null).setCallingSince(now).build());
  }

  /** The retry-topic record of a waiting notification: the operator's view of it. */
  NotificationRetry retryRecord() {
    return NotificationRetry.newBuilder()
        .setEvent(stored.getEvent())
        .setAttempt(attempt())
        .setDueAt(dueAt())
        .setHistory(stored.getHistory())
        .setInput(stored.getInput())
        .build();
  }

  /** The stored form, for the dead letter that ends it. */
  PendingNotification stored() {
    return stored;
  }

  private static PendingNotification.Builder origin(
      final PendingNotification.Builder builder, final Origin origin) {
    return builder
        .setOriginTopic(origin.topic())
        .setOriginPartition(origin.partition())
        .setOriginOffset(origin.offset());
  }
}
