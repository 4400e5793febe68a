package io.paymentnotifier.devstack.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** One answer of the dev Schema Registry: an HTTP status and its JSON body. */
record SchemaRegistryReply(int status, JsonNode body) {

  static SchemaRegistryReply ok(final JsonNode body) {
    return new SchemaRegistryReply(200, body);
  }

  /** The registry's error body: {@code {"error_code":N,"message":"..."}}. */
  static SchemaRegistryReply error(final int status, final int errorCode, final String message) {
    return new SchemaRegistryReply(
        status,
        JsonNodeFactory.instance.objectNode().put("error_code", errorCode).put("message", message));
  }
}
