package io.paymentnotifier.ops;

import com.sun.net.httpserver.HttpExchange;
import io.paymentnotifier.ops.PaymentLookup.LookupAnswer;
import io.paymentnotifier.topology.PaymentStatusStores.Part;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * {@code GET /payments/{paymentRequestId}}: the payment's status as JSON (200, or 404 when unknown;
 * 400 for a malformed id; 503 with Retry-After while its owner is unknown). A question forwarded by
 * another instance ({@value PeerClient#FORWARDED_HEADER} header, {@code ?part=}) gets one part from
 * this instance's stores.
 */
final class PaymentsEndpoint {

  static final String PATH_PREFIX = "/payments/";

  /**
   * Questions this instance answers by asking others at once, so that the ops threads left always
   * serve probes, scrapes and the questions other instances forward here.
   */
  private static final int CONCURRENT_LOOKUPS = 2;

  private final PaymentLookup lookup;
  private final Semaphore lookups = new Semaphore(CONCURRENT_LOOKUPS);

  PaymentsEndpoint(final PaymentLookup lookup) {
    this.lookup = lookup;
  }

  static boolean handles(final String rawPath) {
    return rawPath.startsWith(PATH_PREFIX) || rawPath.equals("/payments");
  }

  /** The answer to this exchange; the server sends it. */
  LookupAnswer answer(final HttpExchange exchange) {
    final String rawPath = exchange.getRequestURI().getRawPath();
    final String segment =
        rawPath.length() <= PATH_PREFIX.length() ? "" : rawPath.substring(PATH_PREFIX.length());
    if (segment.contains("/")) {
      return LookupAnswer.error(404, "NOT_FOUND", "use /payments/{paymentRequestId}", false);
    }
    final String id;
    try {
      id = PathSegment.decode(segment);
    } catch (IllegalArgumentException e) {
      return LookupAnswer.badRequest("paymentRequestId: " + e.getMessage());
    }
    if (exchange.getRequestHeaders().containsKey(PeerClient.FORWARDED_HEADER)) {
      return forwarded(id, exchange.getRequestURI().getRawQuery());
    }
    if (!lookups.tryAcquire()) {
      return LookupAnswer.unavailable("this instance is answering other lookups");
    }
    try {
      return lookup.lookup(id);
    } finally {
      lookups.release();
    }
  }

  private LookupAnswer forwarded(final String id, final String query) {
    final Optional<Part> part = part(query);
    if (part.isEmpty()) {
      return LookupAnswer.badRequest(
          "a forwarded lookup names its part: ?part=notification, ?part=notification-avro-key or"
              + " ?part=dead-letters");
    }
    return lookup.forwardedPart(id, part.get());
  }

  private static Optional<Part> part(final String query) {
    final String prefix = PeerClient.PART_PARAMETER + "=";
    if (query == null || !query.startsWith(prefix)) {
      return Optional.empty();
    }
    final String name = query.substring(prefix.length());
    for (final Part part : Part.values()) {
      if (partName(part).equals(name)) {
        return Optional.of(part);
      }
    }
    return Optional.empty();
  }

  /** notification, dead-letters. */
  static String partName(final Part part) {
    return part.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
