package io.paymentnotifier.notify;

/** The native provider cannot be used on this JVM; the message says why. */
public final class ProviderUnavailableException extends Exception {

  private static final long serialVersionUID = 1L;

  public ProviderUnavailableException(final String reason) {
    super(reason);
  }

  public ProviderUnavailableException(final String reason, final Throwable cause) {
    super(reason, cause);
  }
}
