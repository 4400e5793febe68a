package io.paymentnotifier.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * The {@code result} of an Alipay+ acknowledgment: {@code {"result":{"resultStatus",
 * "resultCode","resultMessage"}}}.
 *
 * @param status resultStatus: S, F or U
 * @param code resultCode
 * @param message resultMessage, or null
 */
public record AckResult(String status, String code, String message) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads an acknowledgment body; empty when it is not JSON or lacks status or code. */
  public static Optional<AckResult> parse(final String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try {
      final JsonNode result = JSON.readTree(body).path("result");
      final String status = text(result.get("resultStatus"));
      final String code = text(result.get("resultCode"));
      if (status == null || code == null) {
        return Optional.empty();
      }
      return Optional.of(new AckResult(status, code, text(result.get("resultMessage"))));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The acknowledgment body for this result, fields in the documented order. */
  public String toJson() {
    final var result = JSON.createObjectNode();
    result.put("resultCode", code);
    result.put("resultStatus", status);
    if (message != null) {
      result.put("resultMessage", message);
    }
    return JSON.createObjectNode().set("result", result).toString();
  }

  private static String text(final JsonNode node) {
    return node != null && node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
  }
}
