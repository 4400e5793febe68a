package io.paymentnotifier.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogFormatTest {

  private final LoggerContext context = new LoggerContext();

  @AfterEach
  void stop() {
    context.stop();
  }

  @Test
  void shouldWriteJsonThroughTheLogstashEncoderWhenFormatIsJson() {
    // when
    LogFormat.configure(context, LogFormat.JSON);

    // then
    final Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getAppender("json")).isInstanceOf(ConsoleAppender.class);
    assertThat(((ConsoleAppender<?>) root.getAppender("json")).getEncoder())
        .isInstanceOf(LogstashEncoder.class);
    assertThat(root.getAppender("text")).isNull();
  }

  @Test
  void shouldWriteTextWhenFormatIsText() {
    // when
    LogFormat.configure(context, LogFormat.TEXT);

    // then
    final Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getAppender("text")).isInstanceOf(ConsoleAppender.class);
    assertThat(root.getAppender("json")).isNull();
  }

  @Test
  void shouldSwitchLayoutWhenReconfigured() {
    // given
    LogFormat.configure(context, LogFormat.TEXT);

    // when
    LogFormat.configure(context, LogFormat.JSON);

    // then
    final Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getAppender("json")).isNotNull();
    assertThat(root.getAppender("text")).isNull();
  }

  @Test
  void shouldRejectAnUnknownFormatNamingTheKey() {
    // when / then
    assertThatThrownBy(() -> LogFormat.configure(context, "xml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("log.format");
  }
}
