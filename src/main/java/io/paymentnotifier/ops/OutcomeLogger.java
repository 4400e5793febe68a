package io.paymentnotifier.ops;

import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.NotificationDone;
import io.paymentnotifier.events.NotifyAttempt;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.topology.NotificationObserver;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one INFO line per terminal outcome, with its facts as key-value pairs (fields in the JSON
 * layout): paymentRequestId, outcome, code, attempts, latencyMs; customerId masked. It never logs
 * request bodies, keys or anything from the configuration.
 */
public final class OutcomeLogger implements NotificationObserver {

  static final String LOGGER_NAME = "io.paymentnotifier.outcome";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

  @Override
  public void done(final NotificationDone done) {
    LOG.atInfo()
        .setMessage("Notification done")
        .addKeyValue("paymentRequestId", done.getPaymentRequestId())
        .addKeyValue("outcome", "DONE")
        .addKeyValue("code", done.getAckResultCode())
        .addKeyValue("attempts", done.getAttempts())
        .addKeyValue("latencyMs", done.getTotalLatencyMs())
        .log();
  }

  @Override
  public void deadLettered(final DeadLetter deadLetter) {
    final PaymentFinalized event = deadLetter.getEvent();
    final List<NotifyAttempt> history = deadLetter.getHistory();
    LOG.atInfo()
        .setMessage("Notification dead-lettered")
        .addKeyValue("paymentRequestId", deadLetter.getPaymentRequestId())
        .addKeyValue("outcome", "DEAD_LETTERED")
        .addKeyValue("reason", deadLetter.getReason())
        .addKeyValue("code", lastResultCode(history))
        .addKeyValue("attempts", history == null ? 0 : history.size())
        .addKeyValue("latencyMs", latencyMillis(deadLetter, event))
        .addKeyValue("customerId", event == null ? null : Masking.mask(event.getCustomerId()))
        .addKeyValue("detail", deadLetter.getDetail())
        .log();
  }

  private static String lastResultCode(final List<NotifyAttempt> history) {
    if (history == null || history.isEmpty()) {
      return null;
    }
    return history.get(history.size() - 1).getResultCode();
  }

  /** From the payment becoming final to its dead letter, when the event could be read. */
  private static Long latencyMillis(final DeadLetter deadLetter, final PaymentFinalized event) {
    if (event == null || event.getOccurredAt() == null || deadLetter.getDeadLetteredAt() == null) {
      return null;
    }
    return deadLetter.getDeadLetteredAt().toEpochMilli() - event.getOccurredAt().toEpochMilli();
  }
}
