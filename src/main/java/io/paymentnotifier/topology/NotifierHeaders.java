package io.paymentnotifier.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/** Names of the headers the topology adds to retry and dead-letter records. */
public final class NotifierHeaders {

  /** On retry records: the number of the attempt to make when due. */
  public static final String RETRY_ATTEMPT = "retry-attempt";

  /** On retry records: when the attempt is due, ISO-8601 UTC. */
  public static final String RETRY_NOT_BEFORE = "retry-not-before";

  /** On dead letters: where the record that led there was read. */
  public static final String ORIGIN_TOPIC = "origin-topic";

  public static final String ORIGIN_PARTITION = "origin-partition";
  public static final String ORIGIN_OFFSET = "origin-offset";

  /** On dead letters: the dead-letter reason, e.g. INVALID_EVENT. */
  public static final String ERROR_CLASS = "error-class";

  private NotifierHeaders() {}

  /** Adds a header with a UTF-8 text value. */
  static Headers add(final Headers headers, final String name, final Object value) {
    return headers.add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
  }
}
