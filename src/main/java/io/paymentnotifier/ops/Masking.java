package io.paymentnotifier.ops;

/** Masks personal identifiers before they reach a log line. */
public final class Masking {

  private static final int SHOWN_AT_EACH_END = 2;

  private Masking() {}

  /**
   * Keeps two characters at each end so support can still match a ticket, masks the rest; values
   * too short to hide anything that way are masked whole. Null stays null.
   */
  public static String mask(final String value) {
    if (value == null) {
      return null;
    }
    final int length = value.length();
    if (length <= 3 * SHOWN_AT_EACH_END) {
      return "*".repeat(length);
    }
    return value.substring(0, SHOWN_AT_EACH_END)
        + "*".repeat(length - 2 * SHOWN_AT_EACH_END)
        + value.substring(length - SHOWN_AT_EACH_END);
  }
}
