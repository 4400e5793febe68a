package io.paymentnotifier.notify;

/**
 * The text Alipay+ signs and verifies: {@code <METHOD> <path>\n<Client-Id>.<time>.<body>}.
 *
 * <p>Requests use the Request-Time, responses the Response-Time; both use the request's method,
 * path and Client-Id.
 */
public final class SignedContent {

  private SignedContent() {}

  /** The content to sign for a POST to {@code path}. */
  public static String of(
      final String path, final String clientId, final String time, final String body) {
    return NotifyPaymentApi.METHOD + " " + path + "\n" + clientId + "." + time + "." + body;
  }
}
