package io.paymentnotifier.avro;

import java.nio.ByteBuffer;

/**
 * The Confluent wire format: magic byte 0, the schema id as a big-endian int32, then the bare Avro
 * binary datum.
 */
final class WireFormat {

  static final byte MAGIC_BYTE = 0x0;
  static final int HEADER_SIZE = 5;

  private WireFormat() {}

  /** The five header bytes for a schema id. */
  static byte[] header(final int schemaId) {
    return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(schemaId).array();
  }

  /** The schema id of framed bytes; unreadable when they are too short or not ours. */
  static int schemaId(final byte[] data) {
    if (data.length < HEADER_SIZE) {
      throw new UnreadableRecordException(
          "Record of " + data.length + " bytes is too short for the Confluent wire format");
    }
    if (data[0] != MAGIC_BYTE) {
      throw new UnreadableRecordException(
          String.format("Unknown magic byte 0x%02x (expected 0x00)", data[0] & 0xff));
    }
    return ByteBuffer.wrap(data, 1, 4).getInt();
  }
}
