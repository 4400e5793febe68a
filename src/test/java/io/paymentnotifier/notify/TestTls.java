package io.paymentnotifier.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed server certificate for 127.0.0.1 and a trust store holding it, made at test time
 * with the JDK's keytool (never committed).
 */
final class TestTls {

  static final String PASSWORD = "test-only-password";

  final Path serverKeyStore;
  final Path trustStore;

  private TestTls(final Path serverKeyStore, final Path trustStore) {
    this.serverKeyStore = serverKeyStore;
    this.trustStore = trustStore;
  }

  static TestTls create(final Path dir) throws Exception {
    final Path server = dir.resolve("server.p12");
    final Path cert = dir.resolve("server.crt");
    final Path trust = dir.resolve("trust.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "simulator",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        server.toString(),
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD);
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "simulator",
        "-keystore",
        server.toString(),
        "-storepass",
        PASSWORD,
        "-file",
        cert.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "simulator",
        "-file",
        cert.toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        trust.toString(),
        "-storepass",
        PASSWORD);
    return new TestTls(server, trust);
  }

  private static void keytool(final String... args) throws Exception {
    final List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    final String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("keytool %s: %s", args[0], output).isZero();
  }
}
