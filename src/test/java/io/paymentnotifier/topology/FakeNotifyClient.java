package io.paymentnotifier.topology;

import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.notify.Acknowledged;
import io.paymentnotifier.notify.CallReport;
import io.paymentnotifier.notify.NotifyClient;
import io.paymentnotifier.notify.NotifyOutcome;
import io.paymentnotifier.notify.Rejected;
import io.paymentnotifier.notify.RetryLater;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A NotifyClient for topology unit tests: answers with scripted outcome kinds (the last repeats),
 * either at once or from another thread, and records every call.
 */
final class FakeNotifyClient implements NotifyClient {

  private final Supplier<Instant> clock;
  private final List<PaymentFinalized> calls = new CopyOnWriteArrayList<>();
  private final Deque<NotifyOutcome.Kind> script = new ArrayDeque<>();
  private NotifyOutcome.Kind last = NotifyOutcome.Kind.ACKNOWLEDGED;
  private Executor answerOn = Runnable::run;

  FakeNotifyClient(final Supplier<Instant> clock) {
    this.clock = clock;
  }

  /** Answers the next calls with these kinds in order; the last one repeats. */
  synchronized FakeNotifyClient answer(final NotifyOutcome.Kind... kinds) {
    script.clear();
    script.addAll(List.of(kinds));
    last = kinds[kinds.length - 1];
    return this;
  }

  /** Completes calls on this executor instead of inside notify(). */
  synchronized FakeNotifyClient answerOn(final Executor executor) {
    this.answerOn = executor;
    return this;
  }

  List<PaymentFinalized> calls() {
    return calls;
  }

  long callsFor(final String paymentRequestId) {
    return calls.stream().filter(p -> p.getPaymentRequestId().equals(paymentRequestId)).count();
  }

  @Override
  public CompletableFuture<NotifyOutcome> notify(final PaymentFinalized payment) {
    calls.add(payment);
    final NotifyOutcome outcome = outcome(nextKind());
    final CompletableFuture<NotifyOutcome> future = new CompletableFuture<>();
    answerOn.execute(() -> future.complete(outcome));
    return future;
  }

  private synchronized NotifyOutcome.Kind nextKind() {
    return script.isEmpty() ? last : script.poll();
  }

  private NotifyOutcome outcome(final NotifyOutcome.Kind kind) {
    final Instant now = clock.get();
    return switch (kind) {
      case ACKNOWLEDGED -> new Acknowledged(report(now, 200, "S", "SUCCESS"));
      case REJECTED ->
          new Rejected(
              report(now, 200, "F", "PARAM_ILLEGAL"),
              "F PARAM_ILLEGAL: check header and body fields");
      case RETRY_LATER -> new RetryLater(report(now, 503, null, null), "HTTP 503");
    };
  }

  private static CallReport report(
      final Instant now, final int status, final String resultStatus, final String code) {
    return new CallReport(now, Duration.ofMillis(5), status, resultStatus, code, null, null);
  }

  @Override
  public void close() {}
}
