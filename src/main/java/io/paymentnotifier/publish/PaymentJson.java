package io.paymentnotifier.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.paymentnotifier.events.Amount;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.events.PaymentResult;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Reads a {@code PaymentFinalized} from JSON whose fields mirror the Alipay+ notifyPayment sample
 * request ({@code paymentRequestId}, {@code paymentResult}, {@code paymentAmount}, ...), plus the
 * optional event fields {@code eventId}, {@code occurredAt}, {@code source} and {@code notifyUrl}.
 *
 * <p>Only the shape is checked here (required fields present, values strings); business rules such
 * as S/F only are the service's to enforce, so an event breaking them can be published on purpose.
 */
public final class PaymentJson {

  private PaymentJson() {}

  /** The event, or an IllegalArgumentException naming the field that is missing or malformed. */
  public static PaymentFinalized toEvent(final JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    return PaymentFinalized.newBuilder()
        .setEventId(optionalText(json, "eventId", UUID.randomUUID().toString()))
        .setOccurredAt(occurredAt(json))
        .setSource(optionalText(json, "source", "payment-notifier-publish"))
        .setPaymentRequestId(requiredText(json, "paymentRequestId"))
        .setPaymentId(requiredText(json, "paymentId"))
        .setPaymentTime(requiredText(json, "paymentTime"))
        .setPaymentResult(result(requiredObject(json, "paymentResult")))
        .setPaymentAmount(amount(json, "paymentAmount", true))
        .setPayToAmount(amount(json, "payToAmount", false))
        .setCustomerId(optionalText(json, "customerId", null))
        .setCustomsDeclarationAmount(amount(json, "customsDeclarationAmount", false))
        .setNotifyUrl(optionalText(json, "notifyUrl", null))
        .build();
  }

  private static PaymentResult result(final JsonNode node) {
    return new PaymentResult(
        requiredText(node, "resultStatus", "paymentResult.resultStatus"),
        requiredText(node, "resultCode", "paymentResult.resultCode"),
        optionalText(node, "resultMessage", null));
  }

  private static Amount amount(final JsonNode json, final String field, final boolean required) {
    final JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        throw new IllegalArgumentException(field + " is required");
      }
      return null;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException(field + " must be an object {value, currency}");
    }
    return new Amount(
        requiredText(node, "value", field + ".value"),
        requiredText(node, "currency", field + ".currency"));
  }

  private static Instant occurredAt(final JsonNode json) {
    final String text = optionalText(json, "occurredAt", null);
    if (text == null) {
      return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("occurredAt must be an ISO-8601 instant: " + text, e);
    }
  }

  private static JsonNode requiredObject(final JsonNode json, final String field) {
    final JsonNode node = json.get(field);
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(field + " is required and must be an object");
    }
    return node;
  }

  private static String requiredText(final JsonNode json, final String field) {
    return requiredText(json, field, field);
  }

  private static String requiredText(final JsonNode json, final String field, final String path) {
    final String text = optionalText(json, field, null, path);
    if (text == null) {
      throw new IllegalArgumentException(path + " is required");
    }
    return text;
  }

  private static String optionalText(
      final JsonNode json, final String field, final String fallback) {
    return optionalText(json, field, fallback, field);
  }

  /** Alipay+ carries every value as a JSON string; a number or boolean here is a mistake. */
  private static String optionalText(
      final JsonNode json, final String field, final String fallback, final String path) {
    final JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isTextual()) {
      throw new IllegalArgumentException(path + " must be a JSON string");
    }
    return node.asText();
  }
}
