package io.paymentnotifier.ops;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * One URL path segment, percent-encoded (RFC 3986): a paymentRequestId may hold characters such as
 * '/', '?' or '%' that would otherwise change the path. URLEncoder does not fit: it encodes form
 * fields, where '+' means a space.
 */
public final class PathSegment {

  private static final String UNRESERVED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

  private PathSegment() {}

  /** The segment for {@code text}: unreserved characters as they are, every other byte as %XX. */
  public static String encode(final String text) {
    final StringBuilder out = new StringBuilder();
    for (final byte b : text.getBytes(StandardCharsets.UTF_8)) {
      if (b >= 0 && UNRESERVED.indexOf(b) >= 0) {
        out.append((char) b);
      } else {
        out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
      }
    }
    return out.toString();
  }

  /** The text of a raw segment; IllegalArgumentException for a broken %XX or bad UTF-8. */
  public static String decode(final String raw) {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < raw.length()) {
      final int c = raw.codePointAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          throw new IllegalArgumentException("a '%' must be followed by two hex digits");
        }
        bytes.write(hexByte(raw.substring(i + 1, i + 3)));
        i += 3;
      } else {
        bytes.writeBytes(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(c);
      }
    }
    return utf8(bytes.toByteArray());
  }

  private static int hexByte(final String digits) {
    if (!HexFormat.isHexDigit(digits.charAt(0)) || !HexFormat.isHexDigit(digits.charAt(1))) {
      throw new IllegalArgumentException("'%" + digits + "' is not a percent-encoded byte");
    }
    return HexFormat.fromHexDigits(digits);
  }

  private static String utf8(final byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the percent-encoded bytes are not UTF-8 text", e);
    }
  }
}
