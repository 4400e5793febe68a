package io.paymentnotifier.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class BoundedDecoderTest {

  @Test
  void shouldRefuseAnArrayClaimingMoreItemsThanBytesLeft() {
    // given: block count 1,000,000 (zigzag 2,000,000) then nothing
    final BoundedDecoder decoder =
        new BoundedDecoder(new byte[] {(byte) 0x80, (byte) 0x89, 0x7a}, 0);
    // when / then
    assertThatThrownBy(decoder::readArrayStart)
        .isInstanceOf(EOFException.class)
        .hasMessageContaining("item count 1000000");
  }

  @Test
  void shouldReadStringsAndCountWhatIsLeft() throws IOException {
    // given: "ab" then one more byte
    final BoundedDecoder decoder = new BoundedDecoder(new byte[] {9, 4, 'a', 'b', 0}, 1);
    // when
    final String text = decoder.readString();
    // then
    assertThat(text).isEqualTo("ab");
    assertThat(decoder.remaining()).isEqualTo(1);
  }

  @Test
  void shouldRefuseANegativeLength() {
    // given: zigzag -1
    final BoundedDecoder decoder = new BoundedDecoder(new byte[] {1, 0, 0}, 0);
    // when / then
    assertThatThrownBy(() -> decoder.readBytes(null)).isInstanceOf(EOFException.class);
  }
}
