package io.paymentnotifier.topology;

import io.paymentnotifier.events.Amount;
import io.paymentnotifier.events.PaymentFinalized;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A fingerprint of the fields Alipay+ checks for consistency on a repeated paymentRequestId
 * (paymentAmount, paymentResult, paymentId, payToAmount, customerId, customsDeclarationAmount). Two
 * events with the same fingerprint are the same notification; a hash keeps no customer data in the
 * dedup store.
 */
public final class KeyFields {

  private KeyFields() {}

  /** SHA-256 (hex) of the key fields in a fixed, unambiguous layout. */
  public static String fingerprint(final PaymentFinalized event) {
    final StringBuilder canonical = new StringBuilder();
    append(canonical, amount(event.getPaymentAmount()));
    append(canonical, event.getPaymentResult().getResultStatus());
    append(canonical, event.getPaymentResult().getResultCode());
    append(canonical, event.getPaymentResult().getResultMessage());
    append(canonical, event.getPaymentId());
    append(canonical, amount(event.getPayToAmount()));
    append(canonical, event.getCustomerId());
    append(canonical, amount(event.getCustomsDeclarationAmount()));
    return sha256(canonical.toString());
  }

  private static String amount(final Amount amount) {
    return amount == null ? null : amount.getValue() + " " + amount.getCurrency();
  }

  /** Length-prefixed, so no choice of values makes two different field lists look alike. */
  private static void append(final StringBuilder out, final String value) {
    if (value == null) {
      out.append("-1:");
    } else {
      out.append(value.length()).append(':').append(value);
    }
  }

  private static String sha256(final String text) {
    try {
      final MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
