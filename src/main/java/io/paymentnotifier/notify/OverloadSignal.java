package io.paymentnotifier.notify;

/** What one call's outcome says about the load its host can take. */
enum OverloadSignal {
  /** The host answered, whatever the answer: it is alive and not asking us to slow down. */
  ANSWERED,
  /** The host asked us to slow down: HTTP 429 or REQUEST_TRAFFIC_EXCEED_LIMIT. */
  TRAFFIC_LIMITED,
  /** No usable answer: timeout, refused or dropped connection, HTTP 408 or 5xx. */
  FAILING,
  /** The call never reached the host (the client was closing): it says nothing. */
  NOT_SENT;

  /** The result code Alipay+ answers when the caller exceeds its traffic limit. */
  static final String TRAFFIC_LIMIT_CODE = "REQUEST_TRAFFIC_EXCEED_LIMIT";

  private static final int TOO_MANY_REQUESTS = 429;
  private static final int REQUEST_TIMEOUT = 408;
  private static final int SERVER_ERROR = 500;

  static OverloadSignal of(final NotifyOutcome outcome) {
    final CallReport call = outcome.call();
    final Integer status = call.httpStatus();
    if (status == null) {
      return CallReport.CLIENT_CLOSED.equals(call.error()) ? NOT_SENT : FAILING;
    }
    if (status == TOO_MANY_REQUESTS || TRAFFIC_LIMIT_CODE.equals(call.resultCode())) {
      return TRAFFIC_LIMITED;
    }
    if (status == REQUEST_TIMEOUT || status >= SERVER_ERROR) {
      return FAILING;
    }
    return ANSWERED;
  }
}
