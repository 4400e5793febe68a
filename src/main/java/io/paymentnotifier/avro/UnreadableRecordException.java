package io.paymentnotifier.avro;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The bytes can never be read as the expected record (wrong magic byte, a schema id the registry
 * does not know, a truncated or corrupt body): the topology dead-letters them as UNDESERIALIZABLE.
 */
public class UnreadableRecordException extends SerializationException {

  private static final long serialVersionUID = 1L;

  public UnreadableRecordException(final String message) {
    super(message);
  }

  public UnreadableRecordException(final String message, final Throwable cause) {
    super(message, cause);
  }
}
