package io.paymentnotifier.notify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.paymentnotifier.events.Amount;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.events.PaymentResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The notifyPayment JSON body of a payment: fixed field order, every value a string, optional
 * fields left out when absent or blank (never {@code ""}).
 *
 * <p>The body depends on the event only, so every attempt for a payment sends the same bytes, as
 * Alipay+'s consistency check on repeated paymentRequestIds requires.
 */
public final class NotifyRequestBody {

  private static final JsonFactory JSON = new JsonFactory();
  private static final Set<String> FINAL_STATUSES = Set.of("S", "F");

  private NotifyRequestBody() {}

  /** What makes the payment impossible to notify; empty when it can be sent. */
  public static List<String> problems(final PaymentFinalized payment) {
    final List<String> problems = new ArrayList<>();
    requireText(problems, "paymentRequestId", payment.getPaymentRequestId());
    requireText(problems, "paymentId", payment.getPaymentId());
    requireText(problems, "paymentTime", payment.getPaymentTime());
    final PaymentResult result = payment.getPaymentResult();
    if (result == null) {
      problems.add("paymentResult is missing");
    } else {
      requireText(problems, "paymentResult.resultCode", result.getResultCode());
      if (!FINAL_STATUSES.contains(result.getResultStatus())) {
        problems.add("paymentResult.resultStatus must be S or F, was " + result.getResultStatus());
      }
    }
    requireAmount(problems, "paymentAmount", payment.getPaymentAmount(), true);
    requireAmount(problems, "payToAmount", payment.getPayToAmount(), false);
    requireAmount(
        problems, "customsDeclarationAmount", payment.getCustomsDeclarationAmount(), false);
    return problems;
  }

  /** The JSON body; call only for payments without {@link #problems}. */
  public static String toJson(final PaymentFinalized payment) {
    final StringWriter out = new StringWriter(512);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      writeResult(json, payment.getPaymentResult());
      json.writeStringField("paymentRequestId", payment.getPaymentRequestId());
      json.writeStringField("paymentId", payment.getPaymentId());
      json.writeStringField("paymentTime", payment.getPaymentTime());
      writeAmount(json, "paymentAmount", payment.getPaymentAmount());
      writeAmount(json, "payToAmount", payment.getPayToAmount());
      writeOptional(json, "customerId", payment.getCustomerId());
      writeAmount(json, "customsDeclarationAmount", payment.getCustomsDeclarationAmount());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory cannot fail", e);
    }
    return out.toString();
  }

  private static void writeResult(final JsonGenerator json, final PaymentResult result)
      throws IOException {
    json.writeObjectFieldStart("paymentResult");
    json.writeStringField("resultCode", result.getResultCode());
    json.writeStringField("resultStatus", result.getResultStatus());
    writeOptional(json, "resultMessage", result.getResultMessage());
    json.writeEndObject();
  }

  private static void writeAmount(final JsonGenerator json, final String name, final Amount amount)
      throws IOException {
    if (amount == null) {
      return;
    }
    json.writeObjectFieldStart(name);
    json.writeStringField("value", amount.getValue());
    json.writeStringField("currency", amount.getCurrency());
    json.writeEndObject();
  }

  private static void writeOptional(final JsonGenerator json, final String name, final String value)
      throws IOException {
    if (value != null && !value.isBlank()) {
      json.writeStringField(name, value);
    }
  }

  private static void requireText(
      final List<String> problems, final String field, final String value) {
    if (value == null || value.isBlank()) {
      problems.add(field + " is missing or blank");
    }
  }

  private static void requireAmount(
      final List<String> problems,
      final String field,
      final Amount amount,
      final boolean required) {
    if (amount == null) {
      if (required) {
        problems.add(field + " is missing");
      }
      return;
    }
    requireText(problems, field + ".value", amount.getValue());
    requireText(problems, field + ".currency", amount.getCurrency());
  }
}
