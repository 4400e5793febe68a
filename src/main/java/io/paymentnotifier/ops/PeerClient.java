package io.paymentnotifier.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.paymentnotifier.topology.PaymentStatus;
import io.paymentnotifier.topology.PaymentStatusStores.Part;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks the instance that owns a payment's part for it, over its ops endpoint, marked as forwarded
 * so that instance answers from its own stores and never forwards again. The JDK's HTTP client is
 * enough here: one small GET on loopback or the pod network, with short timeouts so a dead owner
 * costs the asker seconds, not a hung ops thread.
 */
final class PeerClient implements PaymentLookup.Peers {

  /** Marks a forwarded question; its value names nothing, its presence is what counts. */
  static final String FORWARDED_HEADER = "X-Notifier-Forwarded";

  /** The query parameter naming the part a forwarded question asks for. */
  static final String PART_PARAMETER = "part";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Override
  public PaymentStatus ask(final HostInfo owner, final Part part, final String paymentRequestId)
      throws PaymentLookup.Unavailable {
    final URI uri = uri(owner, part, paymentRequestId);
    final HttpResponse<String> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(uri)
                  .timeout(REQUEST_TIMEOUT)
                  .header(FORWARDED_HEADER, "1")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new PaymentLookup.Unavailable(
          "the instance holding it (" + endpoint(owner) + ") did not answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PaymentLookup.Unavailable("interrupted while asking " + endpoint(owner));
    }
    return status(owner, response);
  }

  private static PaymentStatus status(final HostInfo owner, final HttpResponse<String> response)
      throws PaymentLookup.Unavailable {
    final JsonNode body;
    try {
      body = PaymentStatusJson.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new PaymentLookup.Unavailable(
          endpoint(owner) + " answered HTTP " + response.statusCode() + " without JSON");
    }
    if (response.statusCode() != 200) {
      throw new PaymentLookup.Unavailable(
          endpoint(owner) + " could not answer: " + body.path("message").asText());
    }
    try {
      return PaymentStatusJson.read(body);
    } catch (IllegalArgumentException e) {
      throw new PaymentLookup.Unavailable(endpoint(owner) + " answered " + e.getMessage());
    }
  }

  static URI uri(final HostInfo owner, final Part part, final String paymentRequestId) {
    return URI.create(
        "http://"
            + endpoint(owner)
            + PaymentsEndpoint.PATH_PREFIX
            + PathSegment.encode(paymentRequestId)
            + "?"
            + PART_PARAMETER
            + "="
            + PaymentsEndpoint.partName(part));
  }

  /** host:port, with an IPv6 literal in brackets. */
  static String endpoint(final HostInfo host) {
    final String name = host.host().contains(":") ? "[" + host.host() + "]" : host.host();
    return name + ":" + host.port();
  }
}
