package io.paymentnotifier.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.function.Supplier;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.nio.AsyncRequestConsumer;
import org.apache.hc.core5.http.nio.AsyncServerRequestHandler;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityConsumer;
import org.apache.hc.core5.http.nio.support.BasicRequestConsumer;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * The notifyPayment route: reads the request without blocking, counts it, has {@link
 * NotifyPaymentAnswers} decide and hands the answer to the {@link AnswerSender}. Runs on the
 * server's I/O threads and never waits there: latency is the sender's scheduler's.
 */
final class NotifyPaymentHandler
    implements AsyncServerRequestHandler<Message<HttpRequest, byte[]>> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final NotifyPaymentAnswers answers;
  private final Supplier<SimulatorFaults> faults;
  private final SimulatorStats stats;
  private final AnswerSender sender;
  private final Connections connections;

  NotifyPaymentHandler(
      final NotifyPaymentAnswers answers,
      final Supplier<SimulatorFaults> faults,
      final SimulatorStats stats,
      final AnswerSender sender,
      final Connections connections) {
    this.answers = answers;
    this.faults = faults;
    this.stats = stats;
    this.sender = sender;
    this.connections = connections;
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
      final HttpContext context) {
    final SimulatorRequest request = SimulatorRequest.of(message.getHead(), message.getBody());
    final JsonNode json = readJson(request.body());
    final String paymentRequestId = json == null ? null : textOrNull(json.get("paymentRequestId"));
    stats.countRequest(paymentRequestId);
    final SimulatorFaults current = faults.get();
    final Answer answer = answers.decide(request, json, paymentRequestId, current);
    stats.countAnswer(answer.label());
    sender.send(new Exchange(request, trigger, context, connections), answer, current);
  }

  private static JsonNode readJson(final String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static String textOrNull(final JsonNode node) {
    return node != null && node.isTextual() ? node.asText() : null;
  }
}
