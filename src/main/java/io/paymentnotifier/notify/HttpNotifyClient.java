package io.paymentnotifier.notify;

import io.paymentnotifier.events.PaymentFinalized;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.io.CloseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real {@link NotifyClient}: signs each notifyPayment request on a small signing pool, sends it
 * with the non-blocking HttpClient 5 client and classifies the answer.
 *
 * <p>{@link #notify} returns at once: RSA signing (about 1 ms of CPU) never runs on the caller's
 * thread, and no thread waits for an answer. Every future completes, never exceptionally, by the
 * overall call timeout at the latest.
 */
public final class HttpNotifyClient implements NotifyClient {

  private static final Logger LOG = LoggerFactory.getLogger(HttpNotifyClient.class);
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

  private final AlipaySettings settings;
  private final AckClassifier classifier;
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
        new AckClassifier(settings.alipayPublicKey(), settings.acceptUnsignedResponses());
    this.signer = signingPool(settings.signerThreads());
    this.http = NotifyHttpClients.create(settings);
    this.clock = clock;
  }

  @Override
  public CompletableFuture<NotifyOutcome> notify(final PaymentFinalized payment) {
    final Call call = new Call(clock.instant(), System.nanoTime());
    call.outcome.completeOnTimeout(
        call.timedOut(settings.callTimeout()),
        settings.callTimeout().toMillis(),
        TimeUnit.MILLISECONDS);
    try {
      signer.execute(() -> signAndSend(payment, call));
    } catch (RejectedExecutionException e) {
      call.complete(new RetryLater(call.report(null, "notify client is closed"), "client closed"));
    }
    return call.outcome;
  }

  @Override
  public void close() {
    signer.shutdownNow();
    http.close(CloseMode.GRACEFUL);
  }

  private void signAndSend(final PaymentFinalized payment, final Call call) {
    if (call.outcome.isDone()) {
      return;
    }
    try {
      final List<String> problems = new ArrayList<>(NotifyRequestBody.problems(payment));
      final URI url = target(payment);
      if (url == null) {
        problems.add("notifyUrl is not an http(s) URL");
      }
      if (!problems.isEmpty()) {
        final String reason = "invalid event: " + String.join("; ", problems);
        call.complete(new Rejected(call.report(null, reason), reason));
        return;
      }
      final SimpleHttpRequest request = signedRequest(url, NotifyRequestBody.toJson(payment));
      call.inFlight = http.execute(request, new AnswerCallback(call, url.getRawPath()));
      if (call.outcome.isDone()) {
        call.inFlight.cancel(true);
      }
    } catch (RuntimeException e) {
      // A bug, not a payment problem: retrying later keeps the payment safe.
      LOG.error(
          "notifyPayment call for {} failed before sending", payment.getPaymentRequestId(), e);
      call.complete(new RetryLater(call.report(null, describe(e)), describe(e)));
    }
  }

  private SimpleHttpRequest signedRequest(final URI url, final String body) {
    final String requestTime = REQUEST_TIME.format(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    final String content =
        SignedContent.of(url.getRawPath(), settings.clientId(), requestTime, body);
    final String signature =
        SignatureHeader.rsa256(
                settings.keyVersion(), RsaSignatures.sign(settings.mppPrivateKey(), content))
            .format();
    return SimpleRequestBuilder.post(url)
        .setHeader(NotifyPaymentApi.CLIENT_ID, settings.clientId())
        .setHeader(NotifyPaymentApi.REQUEST_TIME, requestTime)
        .setHeader(NotifyPaymentApi.SIGNATURE, signature)
        .setBody(body.getBytes(StandardCharsets.UTF_8), NotifyPaymentApi.CONTENT_TYPE)
        .build();
  }

  /** The event's own notifyUrl when it has one, else the configured one; null when unusable. */
  private URI target(final PaymentFinalized payment) {
    final String notifyUrl = payment.getNotifyUrl();
    if (notifyUrl == null || notifyUrl.isBlank()) {
      return settings.defaultNotifyUrl();
    }
    try {
      final URI url = URI.create(notifyUrl.trim());
      final String scheme = url.getScheme();
      final boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
      return http && url.getHost() != null ? url : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String describe(final Throwable error) {
    final String message = error.getMessage();
    return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
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

  /** One call in progress: its start, its single outcome, and the HTTP exchange to cancel. */
  private final class Call {
    final Instant startedAt;
    final long startNanos;
    final CompletableFuture<NotifyOutcome> outcome = new CompletableFuture<>();
    volatile Future<SimpleHttpResponse> inFlight;

    Call(final Instant startedAt, final long startNanos) {
      this.startedAt = startedAt;
      this.startNanos = startNanos;
      outcome.whenComplete(
          (done, error) -> {
            final Future<SimpleHttpResponse> exchange = inFlight;
            if (exchange != null && !exchange.isDone()) {
              exchange.cancel(true);
            }
          });
    }

    Duration elapsed() {
      return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    CallReport report(final Integer httpStatus, final String error) {
      return new CallReport(startedAt, elapsed(), httpStatus, null, null, null, error);
    }

    RetryLater timedOut(final Duration limit) {
      final String error = "no answer within the call timeout of " + limit.toMillis() + " ms";
      return new RetryLater(
          new CallReport(startedAt, limit, null, null, null, null, error), "timeout");
    }

    void complete(final NotifyOutcome result) {
      outcome.complete(result);
    }
  }

  /** Completes the call from the HTTP client's I/O thread; only classifies, never blocks. */
  private final class AnswerCallback implements FutureCallback<SimpleHttpResponse> {
    private final Call call;
    private final String path;

    AnswerCallback(final Call call, final String path) {
      this.call = call;
      this.path = path;
    }

    @Override
    public void completed(final SimpleHttpResponse response) {
      try {
        final byte[] bytes = response.getBodyBytes();
        final AckClassifier.Answer answer =
            new AckClassifier.Answer(
                path,
                settings.clientId(),
                response.getCode(),
                header(response, NotifyPaymentApi.RESPONSE_TIME),
                header(response, NotifyPaymentApi.SIGNATURE),
                bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8));
        call.complete(classifier.classify(call.startedAt, call.elapsed(), answer));
      } catch (RuntimeException e) {
        LOG.error("classifying a notifyPayment answer failed", e);
        call.complete(new RetryLater(call.report(response.getCode(), describe(e)), describe(e)));
      }
    }

    @Override
    public void failed(final Exception error) {
      call.complete(new RetryLater(call.report(null, describe(error)), describe(error)));
    }

    @Override
    public void cancelled() {
      call.complete(new RetryLater(call.report(null, "call cancelled"), "call cancelled"));
    }

    private String header(final SimpleHttpResponse response, final String name) {
      final Header header = response.getFirstHeader(name);
      return header == null ? null : header.getValue();
    }
  }
}
