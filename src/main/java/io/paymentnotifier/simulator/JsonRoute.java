package io.paymentnotifier.simulator;

import io.paymentnotifier.notify.NotifyPaymentApi;
import java.io.IOException;
import java.util.function.Supplier;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.nio.AsyncRequestConsumer;
import org.apache.hc.core5.http.nio.AsyncServerRequestHandler;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityConsumer;
import org.apache.hc.core5.http.nio.support.AsyncResponseBuilder;
import org.apache.hc.core5.http.nio.support.BasicRequestConsumer;
import org.apache.hc.core5.http.protocol.HttpContext;

/** A route that answers any request with one status and a JSON body: /stats, /health, 404. */
final class JsonRoute implements AsyncServerRequestHandler<Message<HttpRequest, byte[]>> {

  private final int status;
  private final Supplier<String> json;

  JsonRoute(final int status, final Supplier<String> json) {
    this.status = status;
    this.json = json;
  }

  @Override
  public AsyncRequestConsumer<Message<HttpRequest, byte[]>> prepare(
      final HttpRequest request, final EntityDetails entityDetails, final HttpContext context) {
    return new BasicRequestConsumer<>(BasicAsyncEntityConsumer::new);
  }

  @Override
  public void handle(
      final Message<HttpRequest, byte[]> message,
      final ResponseTrigger trigger,
      final HttpContext context)
      throws HttpException, IOException {
    trigger.submitResponse(
        AsyncResponseBuilder.create(status)
            .setEntity(json.get(), NotifyPaymentApi.CONTENT_TYPE)
            .build(),
        context);
  }
}
