package io.paymentnotifier.config;

/** The four topics of the service, with their defaults (config keys {@code topic.*}). */
public record Topics(String input, String done, String retry, String dlq) {

  public static final String DEFAULT_INPUT = "payment-finalized";
  public static final String DEFAULT_DONE = "payment-notify-done";
  public static final String DEFAULT_RETRY = "payment-notify-retry";
  public static final String DEFAULT_DLQ = "payment-notify-dlq";

  /** The default topic names. */
  public static Topics defaults() {
    return new Topics(DEFAULT_INPUT, DEFAULT_DONE, DEFAULT_RETRY, DEFAULT_DLQ);
  }

  /** Same names with a prefix, so tests sharing one broker keep apart. */
  public Topics withPrefix(final String prefix) {
    return new Topics(prefix + input, prefix + done, prefix + retry, prefix + dlq);
  }
}
