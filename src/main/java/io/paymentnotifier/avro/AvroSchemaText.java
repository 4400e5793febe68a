package io.paymentnotifier.avro;

import org.apache.avro.Schema;

/** Parses schema text from a registry request or answer, refusing anything not fully resolved. */
public final class AvroSchemaText {

  private AvroSchemaText() {}

  /** The parsed schema; a 42201 {@link SchemaRegistryException} when the text is not one. */
  public static Schema parse(final String text) {
    try {
      final Schema schema = new Schema.Parser().parse(text);
      // Avro 1.12 may hand back a schema with unresolved names that only fails when printed.
      schema.toString();
      return schema;
    } catch (final RuntimeException e) {
      throw new SchemaRegistryException(
          SchemaRegistryException.INVALID_SCHEMA, 422, "Invalid schema: " + e.getMessage());
    }
  }
}
