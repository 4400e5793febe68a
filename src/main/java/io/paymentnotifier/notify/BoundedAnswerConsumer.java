package io.paymentnotifier.notify;

import java.nio.ByteBuffer;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.util.ByteArrayBuffer;

/**
 * Reads an Alipay+ answer into memory, at most {@code limit} bytes of body: a Content-Length over
 * the limit fails before a byte of body is read, and a body without one (chunked, or until the
 * connection closes) fails as soon as it grows past the limit. Failing throws {@link
 * AnswerTooLargeException} from the I/O thread, so the HTTP client ends the exchange and discards
 * the connection with the rest of the body unread; the call becomes "retry later".
 *
 * <p>HttpClient's SimpleResponseConsumer would buffer a body of any size: a misbehaving or
 * impersonated peer could fill the heap of every instance.
 */
final class BoundedAnswerConsumer extends AbstractBinResponseConsumer<SimpleHttpResponse> {

  private static final int INITIAL_CAPACITY = 1024;

  private final int limit;
  private HttpResponse head;
  private ContentType contentType;
  private ByteArrayBuffer body;

  BoundedAnswerConsumer(final int limit) {
    this.limit = limit;
  }

  @Override
  protected void start(final HttpResponse response, final ContentType type)
      throws AnswerTooLargeException {
    final Header length = response.getFirstHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && declaredLength(length) > limit) {
      throw new AnswerTooLargeException(
          response.getCode(),
          "answer body of Content-Length " + length.getValue().trim() + " is over " + tooLong());
    }
    head = response;
    contentType = type;
    body = new ByteArrayBuffer(Math.min(INITIAL_CAPACITY, limit));
  }

  @Override
  protected int capacityIncrement() {
    return Integer.MAX_VALUE;
  }

  @Override
  protected void data(final ByteBuffer src, final boolean endOfStream)
      throws AnswerTooLargeException {
    if ((long) body.length() + src.remaining() > limit) {
      throw new AnswerTooLargeException(head.getCode(), "answer body grew over " + tooLong());
    }
    body.append(src);
  }

  @Override
  protected SimpleHttpResponse buildResult() {
    final SimpleHttpResponse response = SimpleHttpResponse.copy(head);
    if (body.length() > 0) {
      response.setBody(body.toByteArray(), contentType);
    }
    return response;
  }

  @Override
  public void releaseResources() {
    body = null;
  }

  private String tooLong() {
    return "the limit of " + limit + " bytes (http.max.answer.bytes); not read further";
  }

  private static long declaredLength(final Header length) {
    try {
      return Long.parseLong(length.getValue().trim());
    } catch (NumberFormatException e) {
      return -1; // HttpCore refuses such a message itself
    }
  }
}
