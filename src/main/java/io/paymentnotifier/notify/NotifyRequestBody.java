package io.paymentnotifier.notify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.paymentnotifier.events.Amount;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.events.PaymentResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The notifyPayment JSON body of a payment: fixed field order, every value a string, optional
 * fields left out when absent or blank (never {@code ""}).
 *
 * <p>The body depends on the event only, so every attempt for a payment sends the same bytes, as
 * Alipay+'s consistency check on repeated paymentRequestIds requires.
 */
public final class NotifyRequestBody {

  private static final JsonFactory JSON = new JsonFactory();

  private NotifyRequestBody() {}

  /**
   * The JSON body of an event the topology's PaymentValidator accepted: the body trusts it and
   * checks nothing again (an invalid event here is a bug upstream, never a dead-letter reason).
   */
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
}
