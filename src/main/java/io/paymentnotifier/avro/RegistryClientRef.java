package io.paymentnotifier.avro;

/**
 * The registry client of a serializer, deserializer or serde, and who closes it: a client given by
 * the caller or shared by a serde is closed by its owner; one created here from the configuration
 * is closed here.
 */
final class RegistryClientRef {

  private SchemaRegistryClient client;
  private boolean created;

  /** Starts with {@code given} (null: none yet). */
  RegistryClientRef(final SchemaRegistryClient given) {
    this.client = given;
  }

  /** Uses {@code shared}, which its owner closes, unless there is a client already. */
  void shareIfMissing(final SchemaRegistryClient shared) {
    if (client == null) {
      client = shared;
    }
  }

  /** Creates a client from the configuration unless there is one already; returns the client. */
  SchemaRegistryClient createIfMissing(final AvroSerdeConfig config) {
    if (client == null) {
      client = SchemaRegistryClients.create(config);
      created = true;
    }
    return client;
  }

  /** The client, or null before one was given, shared or created. */
  SchemaRegistryClient get() {
    return client;
  }

  /** Closes the client if it was created here. */
  void close() {
    if (created) {
      SchemaRegistryClients.close(client);
    }
  }
}
