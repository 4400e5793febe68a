package io.paymentnotifier.notify;

import io.paymentnotifier.notify.NotifyOutcome.Kind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one table that routes an Alipay+ acknowledgment by its {@code result.resultStatus} and {@code
 * result.resultCode} (spec §5), plus the payment result codes of the request (spec §6).
 *
 * <p>Rules, in order: S is done; a code marked retryable is retried whatever its status; U is
 * retried; F takes the code's route, and an unknown F is dead-lettered; anything else is retried.
 */
public final class ResultCodes {

  /**
   * One known code.
   *
   * @param code the resultCode
   * @param status the status Alipay+ documents for it, "?" when the docs do not say
   * @param route where an acknowledgment with this code goes
   * @param action what the documentation tells the caller to do
   */
  public record Code(String code, String status, Kind route, String action) {}

  private static final Map<String, Code> ACK_CODES = new LinkedHashMap<>();
  private static final Map<String, Code> PAYMENT_RESULT_CODES = new LinkedHashMap<>();

  static {
    ack("SUCCESS", "S", Kind.ACKNOWLEDGED, "none: the notification is done");
    ack("UNKNOWN_EXCEPTION", "U", Kind.RETRY_LATER, "recall the API with the same body");
    ack("REQUEST_TRAFFIC_EXCEED_LIMIT", "?", Kind.RETRY_LATER, "traffic limit: retry with backoff");
    ack("PROCESS_FAIL", "F", Kind.REJECTED, "do not retry; needs a person (Alipay+ support)");
    ack("PARAM_ILLEGAL", "F", Kind.REJECTED, "check header and body fields");
    ack("METHOD_NOT_SUPPORTED", "F", Kind.REJECTED, "use POST");
    ack("MEDIA_TYPE_NOT_ACCEPTABLE", "F", Kind.REJECTED, "use an accepted media type");
    ack("INVALID_API", "F", Kind.REJECTED, "check the API path");
    ack("INVALID_CLIENT", "F", Kind.REJECTED, "check the Client-Id; contact support");
    ack("INVALID_SIGNATURE", "F", Kind.REJECTED, "check the signing keys and keyVersion");
    ack("REPEAT_REQ_INCONSISTENT", "F", Kind.REJECTED, "a repeat differs from the first request");
    payment("SUCCESS", "S", "payment succeeded");
    payment("ORDER_IS_CLOSED", "F", "payment canceled or timed out");
    payment("USER_BALANCE_NOT_ENOUGH", "F", "insufficient balance");
    payment("USER_NOT_EXIST", "F", "user does not exist");
    payment("USER_STATUS_ABNORMAL", "F", "user status abnormal");
    payment("RISK_REJECT", "F", "declined for risk");
    payment("UNAVAILABLE_PAYMENT_METHOD", "F", "linked payment methods unavailable");
    payment("USER_PAYMENT_VERIFICATION_FAILED", "F", "user verification failed");
    payment("MERCHANT_NOT_REGISTERED", "F", "merchant verification failed");
  }

  private ResultCodes() {}

  /** Where an acknowledgment with this status and code goes. */
  public static Kind route(final String status, final String code) {
    if ("S".equals(status)) {
      return Kind.ACKNOWLEDGED;
    }
    final Code known = code == null ? null : ACK_CODES.get(code);
    if (known != null && known.route() == Kind.RETRY_LATER) {
      return Kind.RETRY_LATER;
    }
    if ("F".equals(status)) {
      return known == null ? Kind.REJECTED : known.route();
    }
    return Kind.RETRY_LATER;
  }

  /** The documented action for an acknowledgment code, or a generic line for unknown ones. */
  public static String action(final String code) {
    final Code known = code == null ? null : ACK_CODES.get(code);
    return known == null ? "code not in the Alipay+ tables" : known.action();
  }

  /** Every acknowledgment code of the table, in table order. */
  public static Map<String, Code> ackCodes() {
    return Collections.unmodifiableMap(ACK_CODES);
  }

  /** The payment result codes (request content, spec §6); they route as "done on S ack". */
  public static Map<String, Code> paymentResultCodes() {
    return Collections.unmodifiableMap(PAYMENT_RESULT_CODES);
  }

  private static void ack(
      final String code, final String status, final Kind route, final String action) {
    ACK_CODES.put(code, new Code(code, status, route, action));
  }

  private static void payment(final String code, final String status, final String meaning) {
    PAYMENT_RESULT_CODES.put(code, new Code(code, status, Kind.ACKNOWLEDGED, meaning));
  }
}
