package io.paymentnotifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {

  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  private int run(final Map<String, String> env, final String... args) {
    final CommandLine command = new CommandLine(new RunCommand(env));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  @Test
  void shouldExitWithCode2NamingTheKeyWhenARequiredSettingIsMissing() throws IOException {
    // given
    final Path config =
        Files.writeString(dir.resolve("notifier.properties"), "topic.create=true\n");
    // when
    final int exit = run(Map.of(), "--config", config.toString());
    // then
    assertThat(exit).isEqualTo(RunCommand.EXIT_BAD_CONFIG);
    assertThat(err.toString())
        .startsWith("Invalid configuration:")
        .contains("kafka.bootstrap.servers")
        .doesNotContain("\tat ");
  }

  @Test
  void shouldNameTheKeyWhenAnEnvironmentVariableHoldsABadValue() throws IOException {
    // given
    final Path config =
        Files.writeString(
            dir.resolve("notifier.properties"),
            "kafka.bootstrap.servers=localhost:9092\nschema.registry.url=mock://x\n"
                + "alipay.client.id=C\n");
    // when
    final int exit =
        run(Map.of("NOTIFIER_RETRY_MAX_AGE", "three days"), "--config", config.toString());
    // then
    assertThat(exit).isEqualTo(RunCommand.EXIT_BAD_CONFIG);
    assertThat(err.toString()).contains("retry.max.age").contains("three days");
  }

  @Test
  void shouldSayWhichFileCannotBeRead() {
    // when
    final int exit = run(Map.of(), "--config", dir.resolve("missing.properties").toString());
    // then
    assertThat(exit).isEqualTo(RunCommand.EXIT_BAD_CONFIG);
    assertThat(err.toString()).contains("missing.properties");
  }

  @Test
  void shouldBeRegisteredAsTheRunSubcommand() {
    // when / then
    assertThat(App.commandLine().getSubcommands()).containsKey("run");
  }
}
