package io.paymentnotifier.devstack.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.paymentnotifier.notify.CryptoProvider;
import io.paymentnotifier.notify.ProviderChoice;
import io.paymentnotifier.notify.RsaSigner;
import java.io.PrintWriter;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The signing ceiling of both providers, the JDK's and the native one, read in turns so that both
 * see the same spells of a shared machine. Without a native provider on this platform only the
 * JDK's is read, and the output says so.
 */
final class SigningCeilings {

  private static final long WARMUP_SECONDS = 3;

  /**
   * The readings of one provider.
   *
   * @param kind {@code jdk} or {@code native}
   * @param provider name and version of the JCA provider
   * @param readings every reading, in order
   */
  public record Ceiling(String kind, String provider, List<SigningCeiling.Reading> readings) {

    /** The best reading's signatures per second: the ceiling. */
    @JsonProperty("perSecond")
    public double perSecond() {
      return readings.stream().mapToDouble(SigningCeiling.Reading::perSecond).max().orElse(0);
    }

    /** The cheapest a signature was seen to be: makes CPU-per-signature ratios the harder. */
    @JsonProperty("cpuMsPerSignature")
    public double cpuMsPerSignature() {
      return readings.stream()
          .mapToDouble(SigningCeiling.Reading::cpuMsPerSignature)
          .min()
          .orElse(Double.NaN);
    }

    boolean isNative() {
      return CryptoProvider.Kind.NATIVE.label().equals(kind);
    }
  }

  private final PrivateKey key;
  private final int threads;
  private final Duration measured;
  private final List<RsaSigner> signers = new ArrayList<>();
  private final List<List<SigningCeiling.Reading>> readings = new ArrayList<>();

  SigningCeilings(final PrivateKey key, final int threads, final Duration measured) {
    this.key = key;
    this.threads = threads;
    this.measured = measured;
    signers.add(RsaSigner.jdk());
    final RsaSigner auto = RsaSigner.select("bench", ProviderChoice.AUTO);
    if (auto.provider().kind() == CryptoProvider.Kind.NATIVE) {
      signers.add(auto);
    }
    signers.forEach(s -> readings.add(new ArrayList<>()));
  }

  /** One reading of each provider's ceiling, printed as it is taken. */
  void read(final PrintWriter out) throws Exception {
    for (int i = 0; i < signers.size(); i++) {
      final RsaSigner signer = signers.get(i);
      final CpuUse before = CpuUse.now();
      final SigningCeiling.Reading reading =
          SigningCeiling.measure(
              signer,
              key,
              threads,
              Duration.ofSeconds(Math.min(WARMUP_SECONDS, measured.toSeconds())),
              measured);
      readings.get(i).add(reading);
      out.printf(
          "  (a) signing ceiling, %s: %.0f RSA-2048 signatures/s on %d threads, %.3f ms CPU each"
              + " (JIT compiler %.0f%%)%n",
          signer.provider(),
          reading.perSecond(),
          threads,
          reading.cpuMsPerSignature(),
          100 * CpuUse.now().since(before).jitCompiler());
    }
    if (signers.size() == 1) {
      out.println("  (a) signing ceiling, native: no native provider on this platform");
    }
    out.flush();
  }

  /** What was read, the JDK's first. */
  List<Ceiling> ceilings() {
    final List<Ceiling> result = new ArrayList<>();
    for (int i = 0; i < signers.size(); i++) {
      final CryptoProvider provider = signers.get(i).provider();
      result.add(
          new Ceiling(
              provider.kind().label(),
              provider.name() + " " + provider.version(),
              List.copyOf(readings.get(i))));
    }
    return result;
  }

  /** The ceiling with the most signatures per second. */
  static Ceiling highest(final List<Ceiling> ceilings) {
    return ceilings.stream().max(Comparator.comparingDouble(Ceiling::perSecond)).orElseThrow();
  }

  /** The native ceiling, when there is a native provider. */
  static Optional<Ceiling> nativeOne(final List<Ceiling> ceilings) {
    return ceilings.stream().filter(Ceiling::isNative).findFirst();
  }
}
