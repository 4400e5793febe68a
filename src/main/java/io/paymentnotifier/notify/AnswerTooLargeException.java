package io.paymentnotifier.notify;

import java.io.IOException;

/**
 * An Alipay+ answer body longer than {@code http.max.answer.bytes}: reading stops and the HTTP
 * client closes the connection, since the rest of the body is never read off it.
 */
final class AnswerTooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  private final int httpStatus;

  AnswerTooLargeException(final int httpStatus, final String message) {
    super(message);
    this.httpStatus = httpStatus;
  }

  /** The status of the answer whose body was too long. */
  int httpStatus() {
    return httpStatus;
  }
}
