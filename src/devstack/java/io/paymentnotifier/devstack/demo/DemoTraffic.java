package io.paymentnotifier.devstack.demo;

import io.paymentnotifier.events.Amount;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.publish.EventPublisher;
import io.paymentnotifier.publish.PaymentSamples;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The demo's events: valid samples with a few bad ones spread among them, an event breaking a
 * validation rule (lower-case currency) and bytes no Avro reader can read, so every DLQ path shows.
 * Remembers every key it sent, as the demo checks each one for exactly one terminal record.
 */
public final class DemoTraffic {

  private final PaymentSamples samples;
  private final String prefix;
  private final long total;
  private final long badEvery;
  private final List<String> keys = new ArrayList<>();
  private long validPayments;

  /**
   * @param prefix paymentRequestId prefix of this run
   * @param total events to send, bad ones included
   * @param badEvents how many of them are bad (at most a tenth)
   * @param failedShare share of valid payments that failed (status F)
   */
  public DemoTraffic(
      final String prefix, final long total, final long badEvents, final double failedShare) {
    this.samples = new PaymentSamples(prefix, failedShare, System.nanoTime());
    this.prefix = prefix;
    this.total = total;
    final long bad = Math.min(badEvents, total / 10);
    this.badEvery = bad == 0 ? 0 : total / bad;
  }

  /** Sends event number {@code n} (0-based) through the publisher. */
  public void send(final long n, final EventPublisher publisher) {
    if (badEvery > 0 && n % badEvery == badEvery / 2) {
      sendBad(n, publisher);
      return;
    }
    final PaymentFinalized event = samples.next(n);
    keys.add(event.getPaymentRequestId());
    validPayments++;
    publisher.send(event);
  }

  private void sendBad(final long n, final EventPublisher publisher) {
    if ((n / badEvery) % 2 == 0) {
      final PaymentFinalized event = samples.next(n);
      final Amount amount = event.getPaymentAmount();
      event.setPaymentAmount(
          new Amount(amount.getValue(), amount.getCurrency().toLowerCase(Locale.ROOT)));
      keys.add(event.getPaymentRequestId());
      publisher.send(event);
    } else {
      final String key = prefix + "unreadable-" + n;
      keys.add(key);
      publisher.sendRaw(key, "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8));
    }
  }

  /** How many events the run sends. */
  public long total() {
    return total;
  }

  /** Valid payments sent so far: the ones Alipay+ gets to see. */
  public long validPayments() {
    return validPayments;
  }

  /** Keys sent so far. */
  public List<String> keys() {
    return Collections.unmodifiableList(keys);
  }
}
