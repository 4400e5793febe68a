package io.paymentnotifier.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts the simulator's requests per paymentRequestId and its answers by kind. */
public final class SimulatorStats {

  /** Requests whose body had no readable paymentRequestId are counted under this key. */
  public static final String UNKNOWN_ID = "(unreadable)";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LongAdder total = new LongAdder();
  private final LongAdder connections = new LongAdder();
  private final Map<String, LongAdder> byPaymentRequestId = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> byAnswer = new ConcurrentHashMap<>();

  void countRequest(final String paymentRequestId) {
    total.increment();
    byPaymentRequestId
        .computeIfAbsent(
            paymentRequestId == null ? UNKNOWN_ID : paymentRequestId, k -> new LongAdder())
        .increment();
  }

  void countConnection() {
    connections.increment();
  }

  void countAnswer(final String label) {
    byAnswer.computeIfAbsent(label, k -> new LongAdder()).increment();
  }

  /** notifyPayment requests received so far, without copying the other counts. */
  public long totalRequests() {
    return total.sum();
  }

  /** The counts as they are now. */
  public Snapshot snapshot() {
    return new Snapshot(total.sum(), sums(byAnswer), sums(byPaymentRequestId), connections.sum());
  }

  private static Map<String, Long> sums(final Map<String, LongAdder> counters) {
    final Map<String, Long> result = new TreeMap<>();
    counters.forEach((key, adder) -> result.put(key, adder.sum()));
    return result;
  }

  /**
   * The counts at one moment.
   *
   * @param totalRequests notifyPayment requests received
   * @param answers answers given, by label: "S SUCCESS", "F PARAM_ILLEGAL", "U UNKNOWN_EXCEPTION",
   *     "HTTP 503", "DROPPED", "NO_ANSWER"; signature faults add " (unsigned)" or " (bad
   *     signature)", body faults " (oversize)" or " (oversize, chunked)"
   * @param requestsByPaymentRequestId requests received per paymentRequestId
   * @param connectionsOpened connections clients opened (a client reuses a kept-alive one)
   */
  public record Snapshot(
      long totalRequests,
      Map<String, Long> answers,
      Map<String, Long> requestsByPaymentRequestId,
      long connectionsOpened) {

    /** Requests received for one paymentRequestId. */
    public long requestsFor(final String paymentRequestId) {
      return requestsByPaymentRequestId.getOrDefault(paymentRequestId, 0L);
    }

    /** How many answers carried this label. */
    public long answered(final String label) {
      return answers.getOrDefault(label, 0L);
    }

    /** The snapshot as the JSON that {@code GET /stats} serves. */
    public String toJson() {
      final ObjectNode root = JSON.createObjectNode();
      root.put("totalRequests", totalRequests);
      root.put("connectionsOpened", connectionsOpened);
      root.set("answers", JSON.valueToTree(answers));
      root.set("requestsByPaymentRequestId", JSON.valueToTree(requestsByPaymentRequestId));
      return root.toString();
    }
  }
}
