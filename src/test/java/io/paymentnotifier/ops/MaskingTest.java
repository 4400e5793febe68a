package io.paymentnotifier.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

  @Test
  void shouldKeepTwoCharactersAtEachEndOfALongValue() {
    // when
    final String masked = Masking.mask("2088123456789012");

    // then
    assertThat(masked).isEqualTo("20************12");
  }

  @Test
  void shouldMaskShortValuesWhole() {
    // when
    final String masked = Masking.mask("123456");

    // then
    assertThat(masked).isEqualTo("******");
  }

  @Test
  void shouldLeaveNullAsNull() {
    // when
    final String masked = Masking.mask(null);

    // then
    assertThat(masked).isNull();
  }
}
