package io.paymentnotifier.deploy;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ToolsTest {

  @Test
  void shouldFailNamingTheToolAndItsInstallCommandWhenItIsNotOnThePath() {
    // given
    final Tools.Tool absent = new Tools.Tool("promtool-that-is-not-there", "apt-get install -y x");

    // then
    assertThatThrownBy(absent::path)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("promtool-that-is-not-there is not on the PATH")
        .hasMessageContaining("Install: apt-get install -y x");
  }

  @Test
  void shouldRefuseAKubectlWhoseKustomizeIsOlderThanV5() {
    // given: kubectl 1.26, and Debian's 1.20 whose version output names no kustomize
    final String v4 =
        "{\"clientVersion\": {\"gitVersion\": \"v1.26.3\"}, \"kustomizeVersion\": \"v4.5.7\"}";
    final String debian = "{\"clientVersion\": {\"gitVersion\": \"v1.20.2\"}}";

    // then
    assertThatThrownBy(() -> Kustomize.requireKustomizeV5(v4))
        .hasMessageContaining("embeds kustomize v4.5.7")
        .hasMessageContaining("needs kustomize v5")
        .hasMessageContaining("kubectl 1.27 or later");
    assertThatThrownBy(() -> Kustomize.requireKustomizeV5(debian))
        .hasMessageContaining("older than v4");
  }

  @Test
  void shouldAcceptKustomizeV5() {
    // given
    final String v5 =
        "{\"clientVersion\": {\"gitVersion\": \"v1.32.4\"}, \"kustomizeVersion\": \"v5.5.0\"}";

    // then
    assertThatCode(() -> Kustomize.requireKustomizeV5(v5)).doesNotThrowAnyException();
  }
}
