package io.paymentnotifier.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathSegmentTest {

  @Test
  void shouldEncodeEveryCharacterThatWouldChangeThePathAndDecodeItBack() {
    // given
    final List<String> ids = List.of("2020010123456789", "a/b", "a?b#c", "100%", "a+b c", "支付-1");
    // when
    final List<String> encoded = ids.stream().map(PathSegment::encode).toList();
    // then
    assertThat(encoded)
        .containsExactly(
            "2020010123456789",
            "a%2Fb",
            "a%3Fb%23c",
            "100%25",
            "a%2Bb%20c",
            "%E6%94%AF%E4%BB%98-1");
    assertThat(encoded.stream().map(PathSegment::decode)).containsExactlyElementsOf(ids);
  }

  @Test
  void shouldKeepAPlusAsAPlusUnlikeAFormDecoder() {
    // when / then
    assertThat(PathSegment.decode("a+b")).isEqualTo("a+b");
  }

  @Test
  void shouldRefuseABrokenEscape() {
    // when / then
    assertThatThrownBy(() -> PathSegment.decode("ab%2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a '%' must be followed by two hex digits");
    assertThatThrownBy(() -> PathSegment.decode("p%zz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'%zz' is not a percent-encoded byte");
    assertThatThrownBy(() -> PathSegment.decode("%C3%28"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the percent-encoded bytes are not UTF-8 text");
  }
}
