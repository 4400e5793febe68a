package io.paymentnotifier.avro;

import org.apache.avro.Schema;

/**
 * The Schema Registry operations the serde needs; implemented over REST and in memory (mock://).
 *
 * <p>Every method throws {@link RegistryUnavailableException} when the registry cannot answer (the
 * caller retries later) and {@link SchemaRegistryException} when it answers with an error such as
 * "not found" (the caller decides; retrying will not help).
 */
public interface SchemaRegistryClient {

  /** Registers the schema under the subject (idempotent) and returns its global id. */
  int register(String subject, Schema schema);

  /** The id of a schema already registered under the subject; 40401/40403 when it is not. */
  int idOf(String subject, Schema schema);

  /** The schema with this global id; 40403 when the registry does not know it. */
  Schema schemaById(int id);

  /** The latest version registered under the subject; 40401 when the subject does not exist. */
  RegisteredSchema latest(String subject);
}
