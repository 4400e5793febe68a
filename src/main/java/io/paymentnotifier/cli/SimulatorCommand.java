package io.paymentnotifier.cli;

import io.paymentnotifier.config.Durations;
import io.paymentnotifier.notify.KeyMaterial;
import io.paymentnotifier.notify.Keys;
import io.paymentnotifier.notify.ProviderChoice;
import io.paymentnotifier.notify.RsaSigner;
import io.paymentnotifier.simulator.AlipaySimulator;
import io.paymentnotifier.simulator.Latency;
import io.paymentnotifier.simulator.Outage;
import io.paymentnotifier.simulator.SimulatorFaults;
import io.paymentnotifier.simulator.SimulatorTls;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Runs the Alipay+ notifyPayment simulator until Ctrl-C. */
@Command(
    name = "simulator",
    mixinStandardHelpOptions = true,
    description = {
      "Runs an Alipay+ notifyPayment peer: POST /aps/api/v1/payments/notifyPayment,"
          + " GET /stats, GET /health. Runs until Ctrl-C.",
      "Keys from --keys-dir: alipay-private.pem signs answers (an ephemeral pair is made when"
          + " absent); mpp-public.pem verifies requests (not verified when absent)."
    })
public final class SimulatorCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Bind address (${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8090",
      description = "Port, 0 for a free one (${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--keys-dir",
      defaultValue = "dev-keys",
      description = "Folder of the PEM files (${DEFAULT-VALUE}).")
  Path keysDir;

  @Option(
      names = "--latency",
      defaultValue = "0",
      description = "0, 50ms, uniform:10ms-80ms or longtail:20ms-500ms (median-p99).")
  String latency;

  @Option(
      names = "--unknown-rate",
      defaultValue = "0",
      description = "Rate of U UNKNOWN_EXCEPTION answers.")
  double unknownRate;

  @Option(names = "--fail-code", description = "CODE=RATE: answer F CODE at that rate; repeatable.")
  Map<String, Double> failCodes = new LinkedHashMap<>();

  @Option(names = "--http500-rate", defaultValue = "0", description = "Rate of HTTP 500.")
  double http500Rate;

  @Option(names = "--http503-rate", defaultValue = "0", description = "Rate of HTTP 503.")
  double http503Rate;

  @Option(names = "--http429-rate", defaultValue = "0", description = "Rate of HTTP 429.")
  double http429Rate;

  @Option(
      names = "--no-answer-rate",
      defaultValue = "0",
      description = "Rate of requests never answered.")
  double noAnswerRate;

  @Option(
      names = "--no-answer-hold",
      defaultValue = "2m",
      description = "How long an unanswered request is held.")
  String noAnswerHold;

  @Option(
      names = "--drop-rate",
      defaultValue = "0",
      description = "Rate of connections closed without answer.")
  double dropRate;

  @Option(
      names = "--unsigned-rate",
      defaultValue = "0",
      description = "Rate of answers without Signature.")
  double unsignedRate;

  @Option(
      names = "--bad-signature-rate",
      defaultValue = "0",
      description = "Rate of wrongly signed answers.")
  double badSignatureRate;

  @Option(
      names = "--oversize-rate",
      defaultValue = "0",
      description = "Rate of S answers padded to --oversize-bytes, with a Content-Length.")
  double oversizeRate;

  @Option(
      names = "--oversize-chunked-rate",
      defaultValue = "0",
      description = "Rate of S answers padded to --oversize-bytes, chunked (no Content-Length).")
  double oversizeChunkedRate;

  @Option(
      names = "--oversize-bytes",
      defaultValue = "1048576",
      description = "Length of an oversize answer body (${DEFAULT-VALUE}).")
  int oversizeBytes;

  @Option(
      names = "--redirect-rate",
      defaultValue = "0",
      description = "Rate of HTTP 307 answers pointing at --redirect-to.")
  double redirectRate;

  @Option(names = "--redirect-to", description = "Location of those redirects, a URL.")
  URI redirectTo;

  @Option(
      names = "--outage-after",
      description = "Start an outage (HTTP 503 to all) this long after start, e.g. 30s.")
  String outageAfter;

  @Option(
      names = "--outage-for",
      defaultValue = "30s",
      description = "Length of that outage (${DEFAULT-VALUE}).")
  String outageFor;

  @Option(
      names = "--tls-keystore",
      description = "PKCS#12 key store with the server certificate: serve HTTPS instead of HTTP.")
  Path tlsKeyStore;

  @Option(
      names = "--tls-password",
      defaultValue = "${env:SIMULATOR_TLS_PASSWORD}",
      description = "Password of --tls-keystore (default: env SIMULATOR_TLS_PASSWORD).")
  String tlsPassword;

  @Option(
      names = "--crypto-provider",
      defaultValue = "auto",
      description =
          "Who verifies requests and signs answers: auto (native when it loads, else the JDK's),"
              + " native or jdk (${DEFAULT-VALUE}).")
  String cryptoProvider;

  @Override
  public Integer call() throws InterruptedException {
    final AlipaySimulator simulator;
    try {
      simulator = start();
    } catch (IllegalArgumentException | KafkaException | UncheckedIOException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    final CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  stopped.countDown();
                },
                "simulator-shutdown"));
    stopped.await();
    return 0;
  }

  /** Starts the simulator these options describe; the caller closes it. */
  public AlipaySimulator start() {
    final RsaSigner signatures =
        RsaSigner.select(
            "--crypto-provider", ProviderChoice.parse("--crypto-provider", cryptoProvider));
    final PrintWriter out = spec.commandLine().getOut();
    final PrivateKey alipayKey = alipayPrivateKey(out);
    final PublicKey mppKey = mppPublicKey(out);
    final AlipaySimulator simulator =
        new AlipaySimulator(host, port, alipayKey, mppKey, faults()).signatures(signatures);
    if (tlsKeyStore != null) {
      final char[] password = tlsPassword == null ? new char[0] : tlsPassword.toCharArray();
      simulator.tls(SimulatorTls.fromPkcs12(tlsKeyStore, password));
    }
    simulator.start();
    out.println(
        "Alipay+ simulator: POST "
            + simulator.notifyUrl()
            + "   stats: "
            + simulator.baseUrl()
            + "/stats");
    out.println("Faults: " + simulator.faults());
    out.println("Signatures: " + signatures.provider());
    out.flush();
    return simulator;
  }

  private SimulatorFaults faults() {
    final SimulatorFaults.Builder faults =
        SimulatorFaults.builder()
            .latency(Latency.parse(latency))
            .unknownRate(unknownRate)
            .http500Rate(http500Rate)
            .http503Rate(http503Rate)
            .http429Rate(http429Rate)
            .noAnswerRate(noAnswerRate)
            .noAnswerHold(Durations.parse(noAnswerHold))
            .dropRate(dropRate)
            .unsignedRate(unsignedRate)
            .badSignatureRate(badSignatureRate)
            .oversizeRate(oversizeRate)
            .oversizeChunkedRate(oversizeChunkedRate)
            .oversizeBytes(oversizeBytes)
            .redirect(redirectRate, redirectTo);
    failCodes.forEach(faults::failCode);
    if (outageAfter != null) {
      faults.outage(Outage.after(Durations.parse(outageAfter), Durations.parse(outageFor)));
    }
    return faults.build();
  }

  private PrivateKey alipayPrivateKey(final PrintWriter out) {
    final Path file = keysDir.resolve(KeygenCommand.ALIPAY_PRIVATE);
    if (Files.exists(file)) {
      return KeyMaterial.fromFile("--keys-dir", file).privateKey();
    }
    final KeyPair ephemeral = Keys.generateRsaPair();
    out.println(
        file
            + " not found: signing answers with an ephemeral key pair. Its public key"
            + " (for alipay.public.key):");
    out.print(Keys.toPem(ephemeral.getPublic()));
    return ephemeral.getPrivate();
  }

  private PublicKey mppPublicKey(final PrintWriter out) {
    final Path file = keysDir.resolve(KeygenCommand.MPP_PUBLIC);
    if (Files.exists(file)) {
      return KeyMaterial.fromFile("--keys-dir", file).publicKey();
    }
    out.println(file + " not found: request signatures are NOT verified.");
    return null;
  }
}
