package io.paymentnotifier.avro;

import org.apache.kafka.common.errors.RetriableException;

/**
 * The Schema Registry could not be reached or answered with a server error: the record is fine and
 * must be tried again later, never dead-lettered.
 */
public class RegistryUnavailableException extends RetriableException {

  private static final long serialVersionUID = 1L;

  public RegistryUnavailableException(final String message, final Throwable cause) {
    super(message, cause);
  }
}
