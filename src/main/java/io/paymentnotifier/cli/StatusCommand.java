package io.paymentnotifier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paymentnotifier.ops.PathSegment;
import io.paymentnotifier.ops.PaymentStatusJson;
import io.paymentnotifier.ops.PaymentStatusText;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code status}: where one payment's notification stands, asked of any running instance. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Shows where a payment's notification stands: in flight, waiting for a retry, done (with the"
          + " acknowledgment code), dead-lettered (with the DLQ record) or unknown.",
      "Ask any instance: it forwards the question to the one holding the payment.",
      "Exit codes: 0 known, 1 unknown, 2 malformed id, 3 no answer (try again)."
    })
public final class StatusCommand implements Callable<Integer> {

  static final int EXIT_UNKNOWN = 1;
  static final int EXIT_MALFORMED = 2;
  static final int EXIT_NO_ANSWER = 3;

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PAYMENT_REQUEST_ID", description = "The payment's paymentRequestId.")
  String paymentRequestId;

  @Option(
      names = "--url",
      paramLabel = "URL",
      defaultValue = "http://localhost:8080",
      description = "Ops endpoint of any instance (${DEFAULT-VALUE}).")
  URI url;

  @Option(names = "--json", description = "Print the endpoint's JSON answer as it is.")
  boolean json;

  @Override
  public Integer call() {
    final HttpResponse<String> response;
    try {
      response = ask();
    } catch (IOException e) {
      final String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return problem(EXIT_NO_ANSWER, "no answer from " + url + ": " + why);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return problem(EXIT_NO_ANSWER, "interrupted while asking " + url);
    }
    final JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      return problem(
          EXIT_NO_ANSWER, url + " answered HTTP " + response.statusCode() + ", not JSON");
    }
    return report(response.statusCode(), body);
  }

  private HttpResponse<String> ask() throws IOException, InterruptedException {
    final String scheme = url.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme) || url.getHost() == null) {
      throw new IllegalArgumentException("--url must be http://host:port, was " + url);
    }
    final String base = url.toString().replaceAll("/+$", "");
    final URI lookup = URI.create(base + "/payments/" + PathSegment.encode(paymentRequestId));
    final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    return http.send(
        HttpRequest.newBuilder(lookup).timeout(REQUEST_TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private int report(final int httpStatus, final JsonNode body) {
    final int exit =
        switch (httpStatus) {
          case 200 -> 0;
          case 404 -> EXIT_UNKNOWN;
          case 400 -> EXIT_MALFORMED;
          default -> EXIT_NO_ANSWER;
        };
    if (json) {
      out().println(body.toString());
      return exit;
    }
    if (exit == 0 || exit == EXIT_UNKNOWN) {
      try {
        final String line = PaymentStatusText.of(PaymentStatusJson.read(body));
        return exit == 0 ? printed(line) : problem(exit, line);
      } catch (IllegalArgumentException e) {
        return problem(EXIT_NO_ANSWER, url + " answered " + e.getMessage());
      }
    }
    return problem(exit, body.path("message").asText("HTTP " + httpStatus));
  }

  private int printed(final String line) {
    out().println(line);
    return 0;
  }

  private int problem(final int exit, final String line) {
    spec.commandLine().getErr().println("status: " + line);
    return exit;
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
