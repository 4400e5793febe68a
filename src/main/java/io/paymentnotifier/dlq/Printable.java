package io.paymentnotifier.dlq;

/**
 * Text from outside (a record key, a field value) made safe to put in a detail, a log line or a
 * terminal: control characters become {@code \\uXXXX}, so they can neither hide text nor move the
 * cursor.
 */
public final class Printable {

  private Printable() {}

  /** The text with every control character escaped; null stays null. */
  public static String text(final String value) {
    if (value == null || value.codePoints().noneMatch(Character::isISOControl)) {
      return value;
    }
    final StringBuilder out = new StringBuilder(value.length() + 16);
    value
        .codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04X", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }
}
