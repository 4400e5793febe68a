package io.paymentnotifier.topology;

import io.paymentnotifier.config.NotifyUrlAllowlist;
import io.paymentnotifier.dlq.Printable;
import io.paymentnotifier.events.Amount;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.events.PaymentResult;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules an event must meet before it is notified; the first broken rule is reported as "field:
 * rule" for the INVALID_EVENT dead letter. This is the only check: the request body and the HTTP
 * client trust an event that passed it, so whatever would make a call fail for the event's own sake
 * belongs here.
 *
 * <p>The record key must equal paymentRequestId: the key decides the partition, and dedup only
 * works when every event of a payment lands in the same partition.
 */
public final class PaymentValidator {

  static final int MAX_LENGTH = 64;
  static final int MAX_MESSAGE_LENGTH = 256;
  private static final String PAYMENT_REQUEST_ID = "paymentRequestId";
  private static final Pattern AMOUNT_VALUE = Pattern.compile("\\d{1,64}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private final NotifyUrlRule notifyUrl;

  /** Checks events, their notifyUrl against this allowlist. */
  public PaymentValidator(final NotifyUrlAllowlist allowlist) {
    this.notifyUrl = new NotifyUrlRule(allowlist);
  }

  /**
   * The first broken rule as "field: rule", or empty when the event may be notified.
   *
   * @param key the record key as text, read from whatever format the producer used
   */
  public Optional<String> violation(final String key, final PaymentFinalized event) {
    return firstOf(
        text("eventId", event.getEventId(), MAX_LENGTH),
        text("source", event.getSource(), MAX_LENGTH),
        paymentRequestIdViolation(event.getPaymentRequestId()),
        keyMatches(key, event.getPaymentRequestId()),
        text("paymentId", event.getPaymentId(), MAX_LENGTH),
        paymentTime(event.getPaymentTime()),
        result(event.getPaymentResult()),
        amount("paymentAmount", event.getPaymentAmount(), true),
        amount("payToAmount", event.getPayToAmount(), false),
        optionalText("customerId", event.getCustomerId(), MAX_LENGTH),
        amount("customsDeclarationAmount", event.getCustomsDeclarationAmount(), false),
        notifyUrl.violation(event.getNotifyUrl()));
  }

  /**
   * The broken rule of a paymentRequestId as "paymentRequestId: rule", or empty: required, not
   * blank, at most 64 characters, no control characters. The status lookup checks the ids it is
   * asked about with the same rule, so it never looks for an id no event could have.
   */
  public static Optional<String> paymentRequestIdViolation(final String paymentRequestId) {
    final Optional<String> text = text(PAYMENT_REQUEST_ID, paymentRequestId, MAX_LENGTH);
    if (text.isPresent()) {
      return text;
    }
    final int control =
        paymentRequestId.codePoints().filter(Character::isISOControl).findFirst().orElse(-1);
    if (control >= 0) {
      return fail(
          PAYMENT_REQUEST_ID,
          String.format("must not contain control characters, has U+%04X", control));
    }
    return Optional.empty();
  }

  @SafeVarargs
  private static Optional<String> firstOf(final Optional<String>... checks) {
    for (final Optional<String> check : checks) {
      if (check.isPresent()) {
        return check;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> text(final String field, final String value, final int max) {
    if (value == null || value.isBlank()) {
      return fail(field, "is required and must not be blank");
    }
    return optionalText(field, value, max);
  }

  private static Optional<String> optionalText(
      final String field, final String value, final int max) {
    if (value != null && value.length() > max) {
      return fail(field, "must be at most " + max + " characters, was " + value.length());
    }
    if (value != null && value.isEmpty()) {
      return fail(field, "must be null or non-empty, never \"\" (Alipay+ may reject it)");
    }
    return Optional.empty();
  }

  private static Optional<String> keyMatches(final String key, final String paymentRequestId) {
    if (!java.util.Objects.equals(paymentRequestId, key)) {
      return fail("key", "the record key must equal paymentRequestId, was " + quote(key));
    }
    return Optional.empty();
  }

  private static Optional<String> paymentTime(final String value) {
    final Optional<String> missing = text("paymentTime", value, MAX_LENGTH);
    if (missing.isPresent()) {
      return missing;
    }
    try {
      OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      return Optional.empty();
    } catch (DateTimeParseException e) {
      return fail("paymentTime", "must be an ISO-8601 date-time with offset, was " + quote(value));
    }
  }

  private static Optional<String> result(final PaymentResult result) {
    if (result == null) {
      return fail("paymentResult", "is required");
    }
    final String status = result.getResultStatus();
    if (!"S".equals(status) && !"F".equals(status)) {
      return fail("paymentResult.resultStatus", "must be S or F, was " + quote(status));
    }
    return firstOf(
        text("paymentResult.resultCode", result.getResultCode(), MAX_LENGTH),
        optionalText("paymentResult.resultMessage", result.getResultMessage(), MAX_MESSAGE_LENGTH));
  }

  private static Optional<String> amount(
      final String field, final Amount amount, final boolean required) {
    if (amount == null) {
      return required ? fail(field, "is required") : Optional.empty();
    }
    if (amount.getValue() == null || !AMOUNT_VALUE.matcher(amount.getValue()).matches()) {
      return fail(
          field + ".value",
          "must be a non-negative integer string in the minor unit (at most 64 digits), was "
              + quote(amount.getValue()));
    }
    if (amount.getCurrency() == null || !CURRENCY.matcher(amount.getCurrency()).matches()) {
      return fail(
          field + ".currency",
          "must be a 3-letter upper-case ISO 4217 code, was " + quote(amount.getCurrency()));
    }
    return Optional.empty();
  }

  /** A value quoted for a detail, control characters escaped. */
  static String quote(final String value) {
    return value == null ? "null" : "\"" + Printable.text(value) + "\"";
  }

  private static Optional<String> fail(final String field, final String rule) {
    return Optional.of(field + ": " + rule);
  }
}
