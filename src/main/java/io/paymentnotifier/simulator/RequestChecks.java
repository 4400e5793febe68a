package io.paymentnotifier.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The body checks Alipay+ answers with PARAM_ILLEGAL when they fail. */
final class RequestChecks {

  private static final Set<String> FINAL_STATUSES = Set.of("S", "F");
  private static final Pattern MINOR_UNITS = Pattern.compile("\\d{1,20}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final int MAX_ID = 64;
  private static final int MAX_MESSAGE = 256;

  private RequestChecks() {}

  /** The first problem of the body, or empty when it is a valid notifyPayment request. */
  static Optional<String> problem(final JsonNode body) {
    if (body == null || !body.isObject()) {
      return Optional.of("body is not a JSON object");
    }
    final Optional<String> typeProblem = valueTypeProblem("", body);
    if (typeProblem.isPresent()) {
      return typeProblem;
    }
    final JsonNode result = body.path("paymentResult");
    if (!FINAL_STATUSES.contains(result.path("resultStatus").asText())) {
      return Optional.of("paymentResult.resultStatus must be S or F");
    }
    for (final String field :
        new String[] {"paymentRequestId", "paymentId", "paymentTime", "paymentAmount"}) {
      if (body.get(field) == null) {
        return Optional.of(field + " is required");
      }
    }
    if (result.get("resultCode") == null) {
      return Optional.of("paymentResult.resultCode is required");
    }
    return lengthOrAmountProblem(body, result);
  }

  private static Optional<String> lengthOrAmountProblem(
      final JsonNode body, final JsonNode result) {
    if (body.get("paymentRequestId").asText().length() > MAX_ID
        || result.get("resultCode").asText().length() > MAX_ID) {
      return Optional.of("paymentRequestId and resultCode are at most 64 characters");
    }
    if (result.path("resultMessage").asText().length() > MAX_MESSAGE) {
      return Optional.of("paymentResult.resultMessage is at most 256 characters");
    }
    for (final String field :
        new String[] {"paymentAmount", "payToAmount", "customsDeclarationAmount"}) {
      final JsonNode amount = body.get(field);
      if (amount != null
          && !(MINOR_UNITS.matcher(amount.path("value").asText()).matches()
              && CURRENCY.matcher(amount.path("currency").asText()).matches())) {
        return Optional.of(field + " needs an integer value string and an ISO 4217 currency");
      }
    }
    return Optional.empty();
  }

  /** Every leaf must be a non-empty string: numbers, booleans, nulls-as-"" are illegal. */
  private static Optional<String> valueTypeProblem(final String path, final JsonNode node) {
    for (final Map.Entry<String, JsonNode> field : node.properties()) {
      final String name = path + field.getKey();
      final JsonNode value = field.getValue();
      if (value.isObject()) {
        final Optional<String> inner = valueTypeProblem(name + ".", value);
        if (inner.isPresent()) {
          return inner;
        }
      } else if (value.isArray() || value.isNull()) {
        continue;
      } else if (!value.isTextual()) {
        return Optional.of(name + " must be a string");
      } else if (value.asText().isEmpty()) {
        return Optional.of(name + " must not be an empty string");
      }
    }
    return Optional.empty();
  }
}
