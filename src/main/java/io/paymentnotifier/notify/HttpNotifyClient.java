package io.paymentnotifier.notify;

import io.paymentnotifier.events.PaymentFinalized;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real {@link NotifyClient}: signs each notifyPayment request on a small signing pool, sends it
 * with the non-blocking HttpClient 5 client and classifies the answer.
 *
 * <p>{@link #notify} returns at once: RSA signing (about 1 ms of CPU) never runs on the caller's
 * thread, and no thread waits for an answer. Every future completes, never exceptionally, by the
 * overall call timeout at the latest. An answer is read into memory up to {@code
 * http.max.answer.bytes}, never further (see BoundedAnswerConsumer).
 */
public final class HttpNotifyClient implements NotifyClient {

  private static final Logger LOG = LoggerFactory.getLogger(HttpNotifyClient.class);

  private final AlipaySettings settings;
  private final AckClassifier classifier;
  private final SignedRequests requests;
  private final ThreadPoolExecutor signer;
  private final CloseableHttpAsyncClient http;
  private final Clock clock;

  /** A client for these settings; close it to release its threads and connections. */
  public HttpNotifyClient(final AlipaySettings settings) {
    this(settings, Clock.systemUTC());
  }

  HttpNotifyClient(final AlipaySettings settings, final Clock clock) {
    this.settings = settings;
    this.classifier =
        new AckClassifier(
            settings.signatures(), settings.alipayPublicKey(), settings.acceptUnsignedResponses());
    this.requests = new SignedRequests(settings, clock);
    this.signer = signingPool(settings.signerThreads());
    this.http = NotifyHttpClients.create(settings);
    this.clock = clock;
  }

  @Override
  public CompletableFuture<NotifyOutcome> notify(final PaymentFinalized payment) {
    final PendingCall call = new PendingCall(clock.instant(), settings.callTimeout());
    try {
      signer.execute(new SignTask(payment, call));
    } catch (RejectedExecutionException e) {
      call.retryLater(CallReport.CLIENT_CLOSED);
    }
    return call.outcome;
  }

  /** Stops signing and sending; calls not yet sent end at once as "retry later". */
  @Override
  public void close() {
    for (final Runnable unsent : signer.shutdownNow()) {
      ((SignTask) unsent).call().retryLater(CallReport.CLIENT_CLOSED);
    }
    http.close(CloseMode.GRACEFUL);
  }

  private void signAndSend(final PaymentFinalized payment, final PendingCall call) {
    if (call.isDone()) {
      return;
    }
    try {
      final URI url = requests.target(payment);
      if (url == null) {
        throw new IllegalStateException("notifyUrl passed validation but is not usable");
      }
      final AnswerCallback callback =
          new AnswerCallback(call, classifier, url.getRawPath(), settings.clientId());
      final SimpleHttpRequest request = requests.signed(url, NotifyRequestBody.toJson(payment));
      call.sending(
          http.execute(
              SimpleRequestProducer.create(request),
              new BoundedAnswerConsumer(settings.maxAnswerBytes()),
              callback));
    } catch (RuntimeException e) {
      // A bug, not a payment problem: retrying later keeps the payment safe.
      LOG.error("notifyPayment for {} failed before sending", payment.getPaymentRequestId(), e);
      call.retryLater(AnswerCallback.describe(e));
    }
  }

  private static ThreadPoolExecutor signingPool(final int threads) {
    final AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(
        threads,
        threads,
        0,
        TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(),
        task -> {
          final Thread thread = new Thread(task, "notify-signer-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /** Signs and sends one call; a named task so that close() can end the calls still queued. */
  private final class SignTask implements Runnable {
    private final PaymentFinalized payment;
    private final PendingCall call;

    SignTask(final PaymentFinalized payment, final PendingCall call) {
      this.payment = payment;
      this.call = call;
    }

    PendingCall call() {
      return call;
    }

    @Override
    public void run() {
      signAndSend(payment, call);
    }
  }
}
