package io.paymentnotifier.notify;

import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Completes a call from the HTTP client's I/O thread: it only classifies, never blocks. */
final class AnswerCallback implements FutureCallback<SimpleHttpResponse> {

  private static final Logger LOG = LoggerFactory.getLogger(AnswerCallback.class);

  private final PendingCall call;
  private final AckClassifier classifier;
  private final String path;
  private final String clientId;

  AnswerCallback(
      final PendingCall call,
      final AckClassifier classifier,
      final String path,
      final String clientId) {
    this.call = call;
    this.classifier = classifier;
    this.path = path;
    this.clientId = clientId;
  }

  @Override
  public void completed(final SimpleHttpResponse response) {
    try {
      final byte[] bytes = response.getBodyBytes();
      final AckClassifier.Answer answer =
          new AckClassifier.Answer(
              path,
              clientId,
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
    if (error instanceof AnswerTooLargeException tooLarge) {
      final String reason = tooLarge.getMessage();
      call.complete(new RetryLater(call.report(tooLarge.httpStatus(), reason), reason));
      return;
    }
    call.retryLater(describe(error));
  }

  @Override
  public void cancelled() {
    call.retryLater("call cancelled");
  }

  /** Exception class and message: "ConnectException: Connection refused". */
  static String describe(final Throwable error) {
    final String message = error.getMessage();
    return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static String header(final SimpleHttpResponse response, final String name) {
    final Header header = response.getFirstHeader(name);
    return header == null ? null : header.getValue();
  }
}
