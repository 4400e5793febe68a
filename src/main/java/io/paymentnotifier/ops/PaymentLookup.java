package io.paymentnotifier.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paymentnotifier.topology.PaymentStatus;
import io.paymentnotifier.topology.PaymentStatusStores;
import io.paymentnotifier.topology.PaymentStatusStores.Part;
import io.paymentnotifier.topology.PaymentValidator;
import java.util.Optional;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Answers "where does payment X stand?" from whichever instance is asked. Each part of the status
 * (the notification stores, the dead-letter index) is read where its task is active: here, or on
 * the owner instance that Kafka Streams names (its {@code application.server}), asked once over
 * HTTP. A forwarded question is answered from local stores only, so a question never travels in a
 * loop; while a rebalance leaves the owner unknown the answer is "try again shortly".
 */
public final class PaymentLookup {

  /** Asks another instance for one part, from its own stores. */
  public interface Peers {
    PaymentStatus ask(HostInfo owner, Part part, String paymentRequestId) throws Unavailable;
  }

  /** The part cannot be read right now: a rebalance, an owner that does not answer. */
  public static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    public Unavailable(final String message) {
      super(message);
    }
  }

  private final PaymentStatusStores stores;
  private final Peers peers;
  private final HostInfo self;

  /**
   * @param self this instance's advertised endpoint; null when it advertises none (one instance)
   */
  public PaymentLookup(final PaymentStatusStores stores, final Peers peers, final HostInfo self) {
    this.stores = stores;
    this.peers = peers;
    this.self = self;
  }

  /** {@code GET /payments/{id}}: every part the answer needs, each from its owner. */
  public LookupAnswer lookup(final String paymentRequestId) {
    final Optional<String> malformed = PaymentValidator.paymentRequestIdViolation(paymentRequestId);
    if (malformed.isPresent()) {
      return LookupAnswer.badRequest(malformed.get());
    }
    try {
      final PaymentStatus notification = notification(paymentRequestId);
      final PaymentStatus status =
          PaymentStatus.needsDeadLetters(notification)
              ? PaymentStatus.combine(
                  notification, part(Part.DEAD_LETTERS, paymentRequestId, false))
              : notification;
      return LookupAnswer.of(status);
    } catch (Unavailable e) {
      return LookupAnswer.unavailable(e.getMessage());
    }
  }

  /** A part another instance forwarded: from this instance's stores, never forwarded again. */
  public LookupAnswer forwardedPart(final String paymentRequestId, final Part part) {
    final Optional<String> malformed = PaymentValidator.paymentRequestIdViolation(paymentRequestId);
    if (malformed.isPresent()) {
      return LookupAnswer.badRequest(malformed.get());
    }
    try {
      return LookupAnswer.part(part(part, paymentRequestId, true));
    } catch (Unavailable e) {
      return LookupAnswer.unavailable(e.getMessage());
    }
  }

  /**
   * The notification part, where the UTF-8 key puts the payment or, when that says nothing and a
   * Confluent Avro key would put it elsewhere, there: the event's producer may have keyed it either
   * way (the topology reads both).
   */
  private PaymentStatus notification(final String id) throws Unavailable {
    final KeyQueryMetadata utf8Owner = stores.owner(Part.NOTIFICATION, id);
    final PaymentStatus byUtf8Key = part(Part.NOTIFICATION, utf8Owner, id, false);
    if (!(byUtf8Key instanceof PaymentStatus.Unknown)) {
      return byUtf8Key;
    }
    // NOT_AVAILABLE here: no producer writes Avro keys (as far as the registry says), or the
    // instances are rebalancing; either way the UTF-8 key's answer stands.
    final KeyQueryMetadata avroOwner = stores.owner(Part.NOTIFICATION_AVRO_KEY, id);
    return known(avroOwner) && avroOwner.partition() != utf8Owner.partition()
        ? part(Part.NOTIFICATION_AVRO_KEY, avroOwner, id, false)
        : byUtf8Key;
  }

  private PaymentStatus part(final Part part, final String id, final boolean forwarded)
      throws Unavailable {
    return part(part, stores.owner(part, id), id, forwarded);
  }

  private PaymentStatus part(
      final Part part, final KeyQueryMetadata owner, final String id, final boolean forwarded)
      throws Unavailable {
    if (!known(owner)) {
      throw new Unavailable(
          "who holds "
              + id
              + " is not known right now (the instances are starting or rebalancing)");
    }
    final Optional<PaymentStatus> local = stores.readLocal(part, id, owner.partition());
    if (local.isPresent()) {
      return local.get();
    }
    final HostInfo host = owner.activeHost();
    if (forwarded || !isPeer(host)) {
      throw new Unavailable(notHereReason(id, owner.partition(), host, forwarded));
    }
    return peers.ask(host, part, id);
  }

  private static boolean known(final KeyQueryMetadata owner) {
    return owner != null && !KeyQueryMetadata.NOT_AVAILABLE.equals(owner);
  }

  /** A host other than this one that advertises an endpoint. */
  private boolean isPeer(final HostInfo host) {
    return host != null && host.port() > 0 && !host.equals(self) && !unavailable(host);
  }

  private static boolean unavailable(final HostInfo host) {
    return HostInfo.unavailable().equals(host);
  }

  private String notHereReason(
      final String id, final int partition, final HostInfo host, final boolean forwarded) {
    if (forwarded) {
      return "partition " + partition + " of " + id + " moved away from this instance just now";
    }
    if (host == null || unavailable(host) || host.port() <= 0) {
      return "partition "
          + partition
          + " of "
          + id
          + " is on an instance that advertises no ops endpoint (set ops.advertised.host on every"
          + " instance), or is being moved";
    }
    return "partition "
        + partition
        + " of "
        + id
        + " is not readable here yet: it is being restored or moved to this instance (or several"
        + " instances advertise the same endpoint: set ops.advertised.host on each)";
  }

  /** The HTTP answer: status code and JSON body; {@code retryLater} adds Retry-After. */
  public record LookupAnswer(int status, ObjectNode body, boolean retryLater) {

    static final int RETRY_AFTER_SECONDS = 1;

    static LookupAnswer of(final PaymentStatus status) {
      final ObjectNode body = PaymentStatusJson.write(status);
      if (status instanceof PaymentStatus.Unknown) {
        body.put("message", PaymentStatusText.of(status));
        return new LookupAnswer(404, body, false);
      }
      return new LookupAnswer(200, body, false);
    }

    /** One part, for the instance that forwarded it: always 200, unknown included. */
    static LookupAnswer part(final PaymentStatus status) {
      return new LookupAnswer(200, PaymentStatusJson.write(status), false);
    }

    static LookupAnswer badRequest(final String problem) {
      return error(400, "BAD_REQUEST", problem, false);
    }

    static LookupAnswer unavailable(final String reason) {
      return error(503, "UNAVAILABLE", reason + "; try again in a moment", true);
    }

    static LookupAnswer error(
        final int status, final String error, final String message, final boolean retryLater) {
      final ObjectNode body =
          PaymentStatusJson.JSON.createObjectNode().put("error", error).put("message", message);
      return new LookupAnswer(status, body, retryLater);
    }
  }
}
