package io.paymentnotifier.topology;

import io.paymentnotifier.dlq.DeadLetters;
import io.paymentnotifier.events.FinishedPayment;
import io.paymentnotifier.events.PaymentFinalized;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One notification per payment: a repeat of an active (in flight or waiting) or recently done
 * payment is skipped when its key fields match, and dead-lettered as CONFLICTING_DUPLICATE when
 * they differ, since Alipay+ would refuse the other values anyway.
 */
final class DedupProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

  private static final Logger LOG = LoggerFactory.getLogger(DedupProcessor.class);

  private final Duration window;
  private final NotificationObserver observer;
  private final DeadLetterSink deadLetters;
  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, NotificationState> inFlight;
  private FinishedPayments finished;

  DedupProcessor(final Duration window, final NotificationObserver observer) {
    this.window = window;
    this.observer = observer;
    this.deadLetters = new DeadLetterSink(observer);
  }

  @Override
  public void init(final ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.inFlight = context.getStateStore(ProcessorNames.IN_FLIGHT_STORE);
    this.finished =
        new FinishedPayments(
            context.<WindowStore<String, FinishedPayment>>getStateStore(ProcessorNames.DONE_STORE));
  }

  @Override
  public void process(final Record<String, SpecificRecord> record) {
    final PaymentFinalized event = (PaymentFinalized) record.value();
    final String id = event.getPaymentRequestId();
    final Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    final Optional<String> earlier = earlierFingerprint(id, now);
    if (earlier.isEmpty()) {
      context.forward(record, ProcessorNames.NOTIFY_CALL);
    } else if (earlier.get().equals(KeyFields.fingerprint(event))) {
      LOG.debug("Skipped a repeat of payment {}: already notified or in progress", id);
      observer.duplicateSkipped(id);
    } else {
      final String detail =
          "paymentRequestId "
              + id
              + " was already notified or is in progress with other key fields (paymentAmount,"
              + " paymentResult, paymentId, payToAmount, customerId, customsDeclarationAmount)";
      deadLetters.send(
          context,
          id,
          DeadLetters.conflictingDuplicate(event, Decoding.origin(context), detail, now));
    }
  }

  /** The key-field fingerprint of the active or recently done notification of this payment. */
  private Optional<String> earlierFingerprint(final String id, final Instant now) {
    final NotificationState active = inFlight.get(id);
    if (active != null) {
      return Optional.of(KeyFields.fingerprint(active.event()));
    }
    return finished.acknowledgedFingerprint(id, now.minus(window), now);
  }
}
