package io.paymentnotifier.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paymentnotifier.dlq.Origin;
import io.paymentnotifier.topology.PaymentStatus;
import java.time.Instant;

/**
 * The JSON form of a payment's status, as {@code GET /payments/{id}} answers and the instances pass
 * it to each other: {@code state} says which fields follow; fields the stores did not record are
 * left out.
 */
public final class PaymentStatusJson {

  static final ObjectMapper JSON = new ObjectMapper();

  private PaymentStatusJson() {}

  /** The status as a JSON object. */
  public static ObjectNode write(final PaymentStatus status) {
    final ObjectNode json = JSON.createObjectNode();
    json.put("paymentRequestId", status.paymentRequestId());
    status.match(new Writer(json));
    return json;
  }

  /** The status a JSON object names; IllegalArgumentException when it is not one. */
  public static PaymentStatus read(final JsonNode json) {
    final String id = text(json, "paymentRequestId");
    final String state = text(json, "state");
    if (id == null || state == null) {
      throw new IllegalArgumentException("not a payment status: " + json);
    }
    return switch (state) {
      case "IN_FLIGHT" ->
          new PaymentStatus.InFlight(id, json.path("attempt").asInt(), time(json, "since"));
      case "WAITING" ->
          new PaymentStatus.Waiting(
              id, json.path("attempt").asInt(), time(json, "dueAt"), text(json, "lastAnswer"));
      case "DONE" ->
          new PaymentStatus.Done(
              id,
              time(json, "doneAt"),
              text(json, "ackResultStatus"),
              text(json, "ackResultCode"),
              number(json, "attempts"));
      case "DEAD_LETTERED" ->
          new PaymentStatus.DeadLettered(
              id,
              time(json, "deadLetteredAt"),
              text(json, "reason"),
              number(json, "attempts"),
              origin(json.get("dlqRecord")));
      case "UNKNOWN" -> new PaymentStatus.Unknown(id);
      default -> throw new IllegalArgumentException("unknown payment state " + state);
    };
  }

  /** Writes each kind's fields after its state. */
  private record Writer(ObjectNode json) implements PaymentStatus.Cases<ObjectNode> {
    @Override
    public ObjectNode inFlight(final PaymentStatus.InFlight status) {
      json.put("state", "IN_FLIGHT").put("attempt", status.attempt());
      putTime(json, "since", status.since());
      return json;
    }

    @Override
    public ObjectNode waiting(final PaymentStatus.Waiting status) {
      json.put("state", "WAITING").put("attempt", status.attempt());
      putTime(json, "dueAt", status.dueAt());
      putText(json, "lastAnswer", status.lastAnswer());
      return json;
    }

    @Override
    public ObjectNode done(final PaymentStatus.Done status) {
      json.put("state", "DONE");
      putTime(json, "doneAt", status.doneAt());
      putText(json, "ackResultStatus", status.ackResultStatus());
      putText(json, "ackResultCode", status.ackResultCode());
      putNumber(json, "attempts", status.attempts());
      return json;
    }

    @Override
    public ObjectNode deadLettered(final PaymentStatus.DeadLettered status) {
      json.put("state", "DEAD_LETTERED");
      putTime(json, "deadLetteredAt", status.deadLetteredAt());
      putText(json, "reason", status.reason());
      putNumber(json, "attempts", status.attempts());
      final Origin record = status.dlqRecord();
      if (record != null) {
        json.putObject("dlqRecord")
            .put("topic", record.topic())
            .put("partition", record.partition())
            .put("offset", record.offset());
      }
      return json;
    }

    @Override
    public ObjectNode unknown(final PaymentStatus.Unknown status) {
      return json.put("state", "UNKNOWN");
    }
  }

  private static Origin origin(final JsonNode json) {
    if (json == null || !json.isObject()) {
      return null;
    }
    return new Origin(
        text(json, "topic"), json.path("partition").asInt(), json.path("offset").asLong());
  }

  private static void putTime(final ObjectNode json, final String field, final Instant value) {
    if (value != null) {
      json.put(field, value.toString());
    }
  }

  private static void putText(final ObjectNode json, final String field, final String value) {
    if (value != null) {
      json.put(field, value);
    }
  }

  private static void putNumber(final ObjectNode json, final String field, final Integer value) {
    if (value != null) {
      json.put(field, value);
    }
  }

  private static String text(final JsonNode json, final String field) {
    final JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Integer number(final JsonNode json, final String field) {
    final JsonNode value = json.get(field);
    return value == null || !value.isNumber() ? null : value.asInt();
  }

  private static Instant time(final JsonNode json, final String field) {
    final String value = text(json, field);
    return value == null ? null : Instant.parse(value);
  }
}
