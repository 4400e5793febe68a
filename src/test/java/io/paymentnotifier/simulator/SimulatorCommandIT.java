package io.paymentnotifier.simulator;

import static io.paymentnotifier.config.AlipayConfigDef.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.cli.App;
import io.paymentnotifier.cli.SimulatorCommand;
import io.paymentnotifier.config.NotifierConfig;
import io.paymentnotifier.notify.AlipaySettings;
import io.paymentnotifier.notify.CryptoProvider;
import io.paymentnotifier.notify.HttpNotifyClient;
import io.paymentnotifier.notify.NotifyOutcome;
import io.paymentnotifier.testing.Payments;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The keygen and simulator commands, wired to a client configured the way operators do it. */
class SimulatorCommandIT {

  @TempDir Path keys;

  private static String run(final String... args) {
    final StringWriter out = new StringWriter();
    final CommandLine commandLine = App.commandLine().setOut(new PrintWriter(out));
    assertThat(commandLine.execute(args)).isZero();
    return out.toString();
  }

  @Test
  void shouldWriteFourPemFilesAndNeverOverwriteThem() throws Exception {
    // given
    run("keygen", "--dir", keys.toString());
    final String firstPrivate = Files.readString(keys.resolve("mpp-private.pem"));
    // when
    final String second = run("keygen", "--dir", keys.toString());
    // then
    assertThat(keys.resolve("mpp-public.pem")).exists();
    assertThat(keys.resolve("alipay-private.pem")).exists();
    assertThat(keys.resolve("alipay-public.pem")).exists();
    assertThat(firstPrivate).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Files.readString(keys.resolve("mpp-private.pem"))).isEqualTo(firstPrivate);
    assertThat(second).contains("kept as is");
  }

  @Test
  void shouldAcknowledgeAClientConfiguredWithKeygenKeysThroughTheSimulatorCommand()
      throws Exception {
    // given
    run("keygen", "--dir", keys.toString());
    final CommandLine commandLine = App.commandLine().setOut(new PrintWriter(new StringWriter()));
    commandLine.parseArgs("simulator", "--port", "0", "--keys-dir", keys.toString());
    final SimulatorCommand command = commandLine.getSubcommands().get("simulator").getCommand();
    try (AlipaySimulator simulator = command.start();
        HttpNotifyClient client = new HttpNotifyClient(settingsFor(simulator))) {
      // when
      final NotifyOutcome outcome =
          client.notify(Payments.aPayment().build()).get(10, TimeUnit.SECONDS);
      // then
      assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.ACKNOWLEDGED);
    }
  }

  @Test
  void shouldStartWithTheFaultsGivenAsFlags() {
    // given
    final CommandLine commandLine = App.commandLine().setOut(new PrintWriter(new StringWriter()));
    commandLine.parseArgs(
        "simulator",
        "--port",
        "0",
        "--keys-dir",
        keys.toString(),
        "--latency",
        "uniform:1ms-5ms",
        "--unknown-rate",
        "0.1",
        "--fail-code",
        "PROCESS_FAIL=0.2",
        "--http503-rate",
        "0.05",
        "--drop-rate",
        "0.01",
        "--outage-after",
        "1m",
        "--outage-for",
        "10s");
    final SimulatorCommand command = commandLine.getSubcommands().get("simulator").getCommand();
    // when
    try (AlipaySimulator simulator = command.start()) {
      // then
      final SimulatorFaults faults = simulator.faults();
      assertThat(faults.latency()).isEqualTo(Latency.parse("uniform:1ms-5ms"));
      assertThat(faults.unknownRate()).isEqualTo(0.1);
      assertThat(faults.failCodeRates()).containsExactly(Map.entry("PROCESS_FAIL", 0.2));
      assertThat(faults.http503Rate()).isEqualTo(0.05);
      assertThat(faults.dropRate()).isEqualTo(0.01);
      assertThat(faults.outage().until()).isAfter(faults.outage().from());
    }
  }

  @Test
  void shouldStartWithTheBodyAndRedirectFaultsGivenAsFlags() {
    // given
    final CommandLine commandLine = App.commandLine().setOut(new PrintWriter(new StringWriter()));
    commandLine.parseArgs(
        "simulator",
        "--port",
        "0",
        "--keys-dir",
        keys.toString(),
        "--oversize-rate",
        "0.3",
        "--oversize-chunked-rate",
        "0.2",
        "--oversize-bytes",
        "100000",
        "--redirect-rate",
        "0.1",
        "--redirect-to",
        "http://127.0.0.2:8090/aps/api/v1/payments/notifyPayment");
    final SimulatorCommand command = commandLine.getSubcommands().get("simulator").getCommand();
    // when
    try (AlipaySimulator simulator = command.start()) {
      // then
      final SimulatorFaults faults = simulator.faults();
      assertThat(faults.oversizeRate()).isEqualTo(0.3);
      assertThat(faults.oversizeChunkedRate()).isEqualTo(0.2);
      assertThat(faults.oversizeBytes()).isEqualTo(100_000);
      assertThat(faults.redirectRate()).isEqualTo(0.1);
      assertThat(faults.redirectTo())
          .hasToString("http://127.0.0.2:8090/aps/api/v1/payments/notifyPayment");
    }
  }

  @Test
  void shouldRefuseARedirectRateWithoutALocation() {
    // given
    final StringWriter err = new StringWriter();
    final CommandLine commandLine = App.commandLine().setErr(new PrintWriter(err));
    // when
    final int exit =
        commandLine.execute(
            "simulator", "--port", "0", "--keys-dir", keys.toString(), "--redirect-rate", "1");
    // then
    assertThat(exit).isNotZero();
    assertThat(err.toString()).contains("redirectRate needs a redirectTo URL");
  }

  @Test
  void shouldRefuseARateAboveOneWithAClearMessage() {
    // given
    final StringWriter err = new StringWriter();
    final CommandLine commandLine = App.commandLine().setErr(new PrintWriter(err));
    // when
    final int exit =
        commandLine.execute(
            "simulator", "--port", "0", "--keys-dir", keys.toString(), "--drop-rate", "2");
    // then
    assertThat(exit).isNotZero();
    assertThat(err.toString()).contains("dropRate must be between 0 and 1");
  }

  @Test
  void shouldVerifyAndSignWithTheJdkProviderWhenAskedWhileTheClientSignsNatively()
      throws Exception {
    // given
    run("keygen", "--dir", keys.toString());
    final CommandLine commandLine = App.commandLine().setOut(new PrintWriter(new StringWriter()));
    commandLine.parseArgs(
        "simulator", "--port", "0", "--keys-dir", keys.toString(), "--crypto-provider", "jdk");
    final SimulatorCommand command = commandLine.getSubcommands().get("simulator").getCommand();
    try (AlipaySimulator simulator = command.start();
        HttpNotifyClient client = new HttpNotifyClient(settingsFor(simulator, "native"))) {
      // when
      final NotifyOutcome outcome =
          client.notify(Payments.aPayment().build()).get(10, TimeUnit.SECONDS);
      // then: each side verifies what the other provider signed
      assertThat(simulator.signatures().provider().kind()).isEqualTo(CryptoProvider.Kind.JDK);
      assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.ACKNOWLEDGED);
      assertThat(simulator.stats().toJson()).doesNotContain("INVALID_SIGNATURE");
    }
  }

  @Test
  void shouldRefuseAnUnknownCryptoProviderNamingTheFlag() {
    // given
    final StringWriter err = new StringWriter();
    final CommandLine commandLine = App.commandLine().setErr(new PrintWriter(err));
    // when
    final int exit =
        commandLine.execute(
            "simulator", "--port", "0", "--keys-dir", keys.toString(), "--crypto-provider", "rsa");
    // then
    assertThat(exit).isNotZero();
    assertThat(err.toString()).contains("--crypto-provider: 'rsa' is not one of auto, native, jdk");
  }

  private AlipaySettings settingsFor(final AlipaySimulator simulator) {
    return settingsFor(simulator, "auto");
  }

  private AlipaySettings settingsFor(final AlipaySimulator simulator, final String provider) {
    return AlipaySettings.from(
        new NotifierConfig(
            Map.of(
                CRYPTO_PROVIDER_CONFIG,
                provider,
                "kafka.bootstrap.servers",
                "localhost:9092",
                "schema.registry.url",
                "http://localhost:8081",
                CLIENT_ID_CONFIG,
                "SANDBOX_1",
                BASE_URL_CONFIG,
                simulator.baseUrl().toString(),
                PRIVATE_KEY_FILE_CONFIG,
                keys.resolve("mpp-private.pem").toString(),
                MPP_PUBLIC_KEY_FILE_CONFIG,
                keys.resolve("mpp-public.pem").toString(),
                PUBLIC_KEY_FILE_CONFIG,
                keys.resolve("alipay-public.pem").toString())));
  }
}
