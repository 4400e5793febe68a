package io.paymentnotifier.notify;

import java.nio.charset.StandardCharsets;
import org.apache.hc.core5.http.ContentType;

/** The fixed names of the Alipay+ notifyPayment API: path, headers, content type. */
public final class NotifyPaymentApi {

  public static final String PATH = "/aps/api/v1/payments/notifyPayment";
  public static final String METHOD = "POST";

  public static final String CLIENT_ID = "Client-Id";
  public static final String REQUEST_TIME = "Request-Time";
  public static final String RESPONSE_TIME = "Response-Time";
  public static final String SIGNATURE = "Signature";
  public static final String CONTENT_TYPE_HEADER = "Content-Type";

  /** Sent as {@code application/json; charset=UTF-8}, exactly as the API overview writes it. */
  public static final ContentType CONTENT_TYPE =
      ContentType.create("application/json", StandardCharsets.UTF_8);

  private NotifyPaymentApi() {}
}
