package io.paymentnotifier.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.notify.NotifyOutcome.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultCodesTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "S, SUCCESS, ACKNOWLEDGED",
    "U, UNKNOWN_EXCEPTION, RETRY_LATER",
    "F, UNKNOWN_EXCEPTION, RETRY_LATER",
    "U, REQUEST_TRAFFIC_EXCEED_LIMIT, RETRY_LATER",
    "F, REQUEST_TRAFFIC_EXCEED_LIMIT, RETRY_LATER",
    "F, PROCESS_FAIL, REJECTED",
    "F, PARAM_ILLEGAL, REJECTED",
    "F, METHOD_NOT_SUPPORTED, REJECTED",
    "F, MEDIA_TYPE_NOT_ACCEPTABLE, REJECTED",
    "F, INVALID_API, REJECTED",
    "F, INVALID_CLIENT, REJECTED",
    "F, INVALID_SIGNATURE, REJECTED",
    "F, REPEAT_REQ_INCONSISTENT, REJECTED",
    "F, SOME_NEW_CODE, REJECTED",
    "U, SOME_NEW_CODE, RETRY_LATER",
    "U, PROCESS_FAIL, RETRY_LATER",
    "X, SUCCESS, RETRY_LATER",
  })
  void shouldRouteEachDocumentedCode(final String status, final String code, final Kind route) {
    assertThat(ResultCodes.route(status, code)).isEqualTo(route);
  }

  @Test
  void shouldCoverEveryResponseCodeOfTheSpec() {
    assertThat(ResultCodes.ackCodes().keySet())
        .containsExactly(
            "SUCCESS",
            "UNKNOWN_EXCEPTION",
            "REQUEST_TRAFFIC_EXCEED_LIMIT",
            "PROCESS_FAIL",
            "PARAM_ILLEGAL",
            "METHOD_NOT_SUPPORTED",
            "MEDIA_TYPE_NOT_ACCEPTABLE",
            "INVALID_API",
            "INVALID_CLIENT",
            "INVALID_SIGNATURE",
            "REPEAT_REQ_INCONSISTENT");
  }

  @Test
  void shouldCoverEveryPaymentResultCodeOfTheSpecAsContent() {
    assertThat(ResultCodes.paymentResultCodes().keySet())
        .containsExactly(
            "SUCCESS",
            "ORDER_IS_CLOSED",
            "USER_BALANCE_NOT_ENOUGH",
            "USER_NOT_EXIST",
            "USER_STATUS_ABNORMAL",
            "RISK_REJECT",
            "UNAVAILABLE_PAYMENT_METHOD",
            "USER_PAYMENT_VERIFICATION_FAILED",
            "MERCHANT_NOT_REGISTERED");
    assertThat(ResultCodes.paymentResultCodes().values())
        .allSatisfy(code -> assertThat(code.route()).isEqualTo(Kind.ACKNOWLEDGED));
  }

  @Test
  void shouldGiveTheDocumentedActionForRejections() {
    assertThat(ResultCodes.action("PROCESS_FAIL")).contains("do not retry");
    assertThat(ResultCodes.action("SOME_NEW_CODE")).isEqualTo("code not in the Alipay+ tables");
  }
}
