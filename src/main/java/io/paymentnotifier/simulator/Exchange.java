package io.paymentnotifier.simulator;

import io.paymentnotifier.notify.NotifyPaymentApi;
import java.io.IOException;
import java.util.Map;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.nio.AsyncServerRequestHandler.ResponseTrigger;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityProducer;
import org.apache.hc.core5.http.nio.support.AsyncResponseBuilder;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOSession;
import org.apache.hc.core5.util.Timeout;

/**
 * The way back to the client of one request: an answer, from any thread, or its connection closed.
 */
final class Exchange {

  private final SimulatorRequest request;
  private final ResponseTrigger trigger;
  private final HttpContext context;
  private final IOSession connection;

  Exchange(
      final SimulatorRequest request,
      final ResponseTrigger trigger,
      final HttpContext context,
      final Connections connections) {
    this.request = request;
    this.trigger = trigger;
    this.context = context;
    this.connection =
        connections.of(HttpCoreContext.cast(context).getEndpointDetails().getRemoteAddress());
  }

  /** What the client sent. */
  SimulatorRequest request() {
    return request;
  }

  /**
   * Answers with this status and these headers; a JSON body unless it is empty, with a
   * Content-Length, or chunked without one.
   */
  void reply(
      final int status,
      final Map<String, String> headers,
      final String json,
      final boolean chunked) {
    final AsyncResponseBuilder response = AsyncResponseBuilder.create(status);
    headers.forEach(response::addHeader);
    if (!json.isEmpty()) {
      response.setEntity(
          new BasicAsyncEntityProducer(json, NotifyPaymentApi.CONTENT_TYPE, chunked));
    }
    try {
      trigger.submitResponse(response.build(), context);
    } catch (HttpException | IOException | IllegalStateException e) {
      // The client went away first (its timeout); nothing is left to answer.
    }
  }

  /** Closes the connection without an answer (nothing to do when the client closed it). */
  void drop() {
    if (connection != null) {
      connection.close(CloseMode.GRACEFUL);
    }
  }

  /** Keeps the connection open past the server's idle timeout while the request is held. */
  void hold() {
    if (connection != null) {
      connection.setSocketTimeout(Timeout.DISABLED);
    }
  }
}
