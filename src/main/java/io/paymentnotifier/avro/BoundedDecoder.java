package io.paymentnotifier.avro;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;

/**
 * An Avro binary decoder over one record's bytes that refuses any length or item count larger than
 * the bytes left: Avro would otherwise allocate whatever a corrupt length claims (a 10-byte record
 * can ask for a 2 GB string) and the JVM runs out of memory instead of the record being rejected.
 */
final class BoundedDecoder extends Decoder {

  private final Cursor cursor;
  private final BinaryDecoder in;

  BoundedDecoder(final byte[] data, final int offset) {
    this.cursor = new Cursor(data, offset);
    this.in = DecoderFactory.get().directBinaryDecoder(cursor, null);
  }

  /** Bytes not yet read. */
  int remaining() {
    return cursor.available();
  }

  @Override
  public Utf8 readString(final Utf8 old) throws IOException {
    final int length = checkedLength(in.readLong());
    final Utf8 result = old != null ? old : new Utf8();
    result.setByteLength(length);
    in.readFixed(result.getBytes(), 0, length);
    return result;
  }

  @Override
  public String readString() throws IOException {
    final byte[] bytes = new byte[checkedLength(in.readLong())];
    in.readFixed(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public void skipString() throws IOException {
    in.skipFixed(checkedLength(in.readLong()));
  }

  @Override
  public ByteBuffer readBytes(final ByteBuffer old) throws IOException {
    final byte[] bytes = new byte[checkedLength(in.readLong())];
    in.readFixed(bytes);
    return ByteBuffer.wrap(bytes);
  }

  @Override
  public void skipBytes() throws IOException {
    in.skipFixed(checkedLength(in.readLong()));
  }

  @Override
  public void readFixed(final byte[] bytes, final int start, final int length) throws IOException {
    checkedLength(length);
    in.readFixed(bytes, start, length);
  }

  @Override
  public void skipFixed(final int length) throws IOException {
    in.skipFixed(checkedLength(length));
  }

  @Override
  public long readArrayStart() throws IOException {
    return checkedCount(in.readArrayStart());
  }

  @Override
  public long arrayNext() throws IOException {
    return checkedCount(in.arrayNext());
  }

  @Override
  public long skipArray() throws IOException {
    return checkedCount(in.skipArray());
  }

  @Override
  public long readMapStart() throws IOException {
    return checkedCount(in.readMapStart());
  }

  @Override
  public long mapNext() throws IOException {
    return checkedCount(in.mapNext());
  }

  @Override
  public long skipMap() throws IOException {
    return checkedCount(in.skipMap());
  }

  @Override
  public void readNull() throws IOException {
    in.readNull();
  }

  @Override
  public boolean readBoolean() throws IOException {
    return in.readBoolean();
  }

  @Override
  public int readInt() throws IOException {
    return in.readInt();
  }

  @Override
  public long readLong() throws IOException {
    return in.readLong();
  }

  @Override
  public float readFloat() throws IOException {
    return in.readFloat();
  }

  @Override
  public double readDouble() throws IOException {
    return in.readDouble();
  }

  @Override
  public int readEnum() throws IOException {
    return in.readEnum();
  }

  @Override
  public int readIndex() throws IOException {
    return in.readIndex();
  }

  private int checkedLength(final long length) throws EOFException {
    if (length < 0 || length > remaining()) {
      throw new EOFException(
          "Declared length " + length + " exceeds the " + remaining() + " bytes left");
    }
    return (int) length;
  }

  /** Items take at least one byte each in every schema this service reads. */
  private long checkedCount(final long count) throws EOFException {
    if (count < 0 || count > remaining()) {
      throw new EOFException(
          "Declared item count " + count + " exceeds the " + remaining() + " bytes left");
    }
    return count;
  }

  /** An unsynchronized array stream that knows how much is left. */
  private static final class Cursor extends InputStream {
    private final byte[] data;
    private int position;

    Cursor(final byte[] data, final int offset) {
      this.data = data;
      this.position = offset;
    }

    @Override
    public int read() {
      return position < data.length ? data[position++] & 0xff : -1;
    }

    @Override
    public int read(final byte[] target, final int offset, final int length) {
      if (position >= data.length) {
        return length == 0 ? 0 : -1;
      }
      final int count = Math.min(length, data.length - position);
      System.arraycopy(data, position, target, offset, count);
      position += count;
      return count;
    }

    @Override
    public long skip(final long count) {
      final int skipped = (int) Math.max(0, Math.min(count, data.length - position));
      position += skipped;
      return skipped;
    }

    @Override
    public int available() {
      return data.length - position;
    }
  }
}
