package io.paymentnotifier.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The faults the simulator injects; each rate is a probability per request between 0 and 1.
 *
 * @param latency delay before every answer
 * @param unknownRate answer U UNKNOWN_EXCEPTION
 * @param failCodeRates answer F with the code, at its rate (codes tried in insertion order)
 * @param http500Rate answer HTTP 500
 * @param http503Rate answer HTTP 503
 * @param http429Rate answer HTTP 429
 * @param noAnswerRate never answer: hold the request until {@code noAnswerHold}, then drop it
 * @param dropRate close the connection without an answer
 * @param unsignedRate send a 200 answer without a Signature header
 * @param badSignatureRate send a 200 answer with a signature over other content
 * @param outage answer HTTP 503 to everything inside this window; null for none
 * @param noAnswerHold how long an unanswered request is held before its connection is closed
 * @param oversizeRate answer S with a signed body of {@code oversizeBytes}, Content-Length set
 * @param oversizeChunkedRate the same body chunked, without a Content-Length
 * @param oversizeBytes the length of an oversize answer body
 * @param redirectRate answer HTTP 307 pointing at {@code redirectTo} (a client must not follow)
 * @param redirectTo where a redirect points; null for no redirects
 */
public record SimulatorFaults(
    Latency latency,
    double unknownRate,
    Map<String, Double> failCodeRates,
    double http500Rate,
    double http503Rate,
    double http429Rate,
    double noAnswerRate,
    double dropRate,
    double unsignedRate,
    double badSignatureRate,
    Outage outage,
    Duration noAnswerHold,
    double oversizeRate,
    double oversizeChunkedRate,
    int oversizeBytes,
    double redirectRate,
    URI redirectTo) {

  /** An oversize body by default: 16 times the notifier's default limit of 64 KiB. */
  public static final int DEFAULT_OVERSIZE_BYTES = 1024 * 1024;

  public SimulatorFaults {
    failCodeRates = Collections.unmodifiableMap(new LinkedHashMap<>(failCodeRates));
    requireRate("unknownRate", unknownRate);
    failCodeRates.forEach((code, rate) -> requireRate("rate of " + code, rate));
    requireRate("http500Rate", http500Rate);
    requireRate("http503Rate", http503Rate);
    requireRate("http429Rate", http429Rate);
    requireRate("noAnswerRate", noAnswerRate);
    requireRate("dropRate", dropRate);
    requireRate("unsignedRate", unsignedRate);
    requireRate("badSignatureRate", badSignatureRate);
    requireRate("oversizeRate", oversizeRate);
    requireRate("oversizeChunkedRate", oversizeChunkedRate);
    requireRate("redirectRate", redirectRate);
    if (oversizeBytes < 1) {
      throw new IllegalArgumentException("oversizeBytes must be positive, was " + oversizeBytes);
    }
    if (redirectRate > 0 && redirectTo == null) {
      throw new IllegalArgumentException("redirectRate needs a redirectTo URL");
    }
  }

  /** A well-behaved Alipay+: answers at once, signs, S SUCCESS. */
  public static SimulatorFaults none() {
    return builder().build();
  }

  /** A builder starting from no faults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these faults. */
  public Builder toBuilder() {
    final Builder b = new Builder();
    b.latency = latency;
    b.unknownRate = unknownRate;
    b.failCodeRates.putAll(failCodeRates);
    b.http500Rate = http500Rate;
    b.http503Rate = http503Rate;
    b.http429Rate = http429Rate;
    b.noAnswerRate = noAnswerRate;
    b.dropRate = dropRate;
    b.unsignedRate = unsignedRate;
    b.badSignatureRate = badSignatureRate;
    b.outage = outage;
    b.noAnswerHold = noAnswerHold;
    b.oversizeRate = oversizeRate;
    b.oversizeChunkedRate = oversizeChunkedRate;
    b.oversizeBytes = oversizeBytes;
    b.redirectRate = redirectRate;
    b.redirectTo = redirectTo;
    return b;
  }

  private static void requireRate(final String name, final double rate) {
    if (!(rate >= 0.0 && rate <= 1.0)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, was " + rate);
    }
  }

  /** Builds {@link SimulatorFaults}; unset faults are off. */
  public static final class Builder {
    private Latency latency = Latency.none();
    private double unknownRate;
    private final Map<String, Double> failCodeRates = new LinkedHashMap<>();
    private double http500Rate;
    private double http503Rate;
    private double http429Rate;
    private double noAnswerRate;
    private double dropRate;
    private double unsignedRate;
    private double badSignatureRate;
    private Outage outage;
    private Duration noAnswerHold = Duration.ofMinutes(2);
    private double oversizeRate;
    private double oversizeChunkedRate;
    private int oversizeBytes = DEFAULT_OVERSIZE_BYTES;
    private double redirectRate;
    private URI redirectTo;

    private Builder() {}

    public Builder latency(final Latency value) {
      latency = value;
      return this;
    }

    public Builder unknownRate(final double rate) {
      unknownRate = rate;
      return this;
    }

    public Builder failCode(final String code, final double rate) {
      failCodeRates.put(code, rate);
      return this;
    }

    public Builder http500Rate(final double rate) {
      http500Rate = rate;
      return this;
    }

    public Builder http503Rate(final double rate) {
      http503Rate = rate;
      return this;
    }

    public Builder http429Rate(final double rate) {
      http429Rate = rate;
      return this;
    }

    public Builder noAnswerRate(final double rate) {
      noAnswerRate = rate;
      return this;
    }

    public Builder dropRate(final double rate) {
      dropRate = rate;
      return this;
    }

    public Builder unsignedRate(final double rate) {
      unsignedRate = rate;
      return this;
    }

    public Builder badSignatureRate(final double rate) {
      badSignatureRate = rate;
      return this;
    }

    public Builder outage(final Outage window) {
      outage = window;
      return this;
    }

    public Builder noAnswerHold(final Duration hold) {
      noAnswerHold = hold;
      return this;
    }

    public Builder oversizeRate(final double rate) {
      oversizeRate = rate;
      return this;
    }

    public Builder oversizeChunkedRate(final double rate) {
      oversizeChunkedRate = rate;
      return this;
    }

    public Builder oversizeBytes(final int bytes) {
      oversizeBytes = bytes;
      return this;
    }

    /** Answers HTTP 307 to {@code location} at this rate. */
    public Builder redirect(final double rate, final URI location) {
      redirectRate = rate;
      redirectTo = location;
      return this;
    }

    public SimulatorFaults build() {
      return new SimulatorFaults(
          latency,
          unknownRate,
          failCodeRates,
          http500Rate,
          http503Rate,
          http429Rate,
          noAnswerRate,
          dropRate,
          unsignedRate,
          badSignatureRate,
          outage,
          noAnswerHold,
          oversizeRate,
          oversizeChunkedRate,
          oversizeBytes,
          redirectRate,
          redirectTo);
    }
  }
}
