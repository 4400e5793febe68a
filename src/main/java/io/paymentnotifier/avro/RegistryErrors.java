package io.paymentnotifier.avro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Turns a registry error answer into a {@link SchemaRegistryException}. */
final class RegistryErrors {

  private static final int MAX_QUOTED_BODY = 200;

  private RegistryErrors() {}

  /**
   * The registry's {@code error_code} and {@code message} when the body is its JSON; otherwise the
   * HTTP status as the code (a proxy's HTML 502, say) and the start of the body.
   */
  static SchemaRegistryException parse(
      final ObjectMapper json,
      final int status,
      final String body,
      final String method,
      final String path) {
    final String request = method + " " + path + ": ";
    try {
      final JsonNode node = json.readTree(body);
      if (node != null && node.hasNonNull("error_code")) {
        return new SchemaRegistryException(
            node.get("error_code").asInt(status), status, request + node.path("message").asText());
      }
    } catch (final IOException notJson) {
      // Fall through: the body is not the registry's JSON.
    }
    final String quoted =
        body.length() > MAX_QUOTED_BODY ? body.substring(0, MAX_QUOTED_BODY) : body;
    return new SchemaRegistryException(status, status, request + quoted.strip());
  }
}
