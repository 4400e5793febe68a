package io.paymentnotifier.avro;

import org.apache.kafka.common.KafkaException;

/**
 * The Schema Registry answered with an error (not found, incompatible, invalid): retrying the same
 * request will not help. Carries the registry's {@code error_code}, or the HTTP status when the
 * body was not the registry's JSON.
 */
public class SchemaRegistryException extends KafkaException {

  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  public static final int INCOMPATIBLE_SCHEMA = 409;
  public static final int INVALID_SCHEMA = 42201;

  private static final long serialVersionUID = 1L;

  private final int errorCode;
  private final int httpStatus;
  private final String registryMessage;

  public SchemaRegistryException(final int errorCode, final int httpStatus, final String message) {
    super(message + " (error_code " + errorCode + ", HTTP " + httpStatus + ")");
    this.errorCode = errorCode;
    this.httpStatus = httpStatus;
    this.registryMessage = message;
  }

  /** The message alone, as a registry's error body carries it. */
  public String registryMessage() {
    return registryMessage;
  }

  /** The registry's {@code error_code}, e.g. 40403; the HTTP status when the body had none. */
  public int errorCode() {
    return errorCode;
  }

  /** The HTTP status of the answer (404, 409, 422, ...). */
  public int httpStatus() {
    return httpStatus;
  }

  /** Whether the subject, version or schema does not exist (40401, 40402, 40403). */
  public boolean isNotFound() {
    return errorCode == SUBJECT_NOT_FOUND
        || errorCode == VERSION_NOT_FOUND
        || errorCode == SCHEMA_NOT_FOUND
        || httpStatus == 404;
  }

  /** Whether the schema was refused as incompatible (HTTP 409, whatever the code's version). */
  public boolean isIncompatible() {
    return httpStatus == 409;
  }
}
