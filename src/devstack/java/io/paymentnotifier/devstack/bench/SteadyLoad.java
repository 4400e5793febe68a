package io.paymentnotifier.devstack.bench;

import io.paymentnotifier.publish.EventPublisher;
import io.paymentnotifier.publish.Pacer;
import io.paymentnotifier.publish.PaymentSamples;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes events at a steady rate on a thread of its own until stopped; after {@link
 * #switchPrefix()} the ids carry the second prefix, so records caused by events published after
 * that moment can be told apart.
 */
final class SteadyLoad {

  private final EventPublisher publisher;
  private final PaymentSamples before;
  private final PaymentSamples after;
  private final double rate;
  private final AtomicBoolean switched = new AtomicBoolean();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final List<String> sentIds = Collections.synchronizedList(new ArrayList<>());
  private final Thread thread;

  SteadyLoad(
      final EventPublisher publisher,
      final String beforePrefix,
      final String afterPrefix,
      final double rate) {
    this.publisher = publisher;
    this.before = new PaymentSamples(beforePrefix, 0.2, 1);
    this.after = new PaymentSamples(afterPrefix, 0.2, 2);
    this.rate = rate;
    this.thread = new Thread(this::publish, "steady-load");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** From now on, ids carry the second prefix. */
  void switchPrefix() {
    switched.set(true);
  }

  /** Stops publishing and returns the ids of every event sent. */
  List<String> stop() throws InterruptedException {
    stopped.set(true);
    thread.join();
    publisher.flush();
    return List.copyOf(sentIds);
  }

  private void publish() {
    final Pacer pacer = new Pacer(rate);
    long n = 0;
    while (!stopped.get()) {
      pacer.await();
      final var event = (switched.get() ? after : before).next(n++);
      publisher.send(event);
      sentIds.add(event.getPaymentRequestId());
    }
  }
}
