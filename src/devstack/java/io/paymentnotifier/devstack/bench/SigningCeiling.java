package io.paymentnotifier.devstack.bench;

import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.notify.NotifyPaymentApi;
import io.paymentnotifier.notify.NotifyRequestBody;
import io.paymentnotifier.notify.RsaSigner;
import io.paymentnotifier.notify.SignedContent;
import io.paymentnotifier.publish.PaymentSamples;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CPU ceiling of notifying: RSA-2048 SHA256withRSA signatures per second over real
 * notifyPayment contents, on every core, with the {@link RsaSigner} the client uses, and the CPU
 * time one signature takes.
 */
public final class SigningCeiling {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * One reading.
   *
   * @param perSecond signatures per second on all threads together
   * @param cpuMsPerSignature CPU time of the signing threads per signature, in milliseconds
   */
  public record Reading(double perSecond, double cpuMsPerSignature) {}

  /** What the signing threads did: signatures made and their CPU time. */
  private record Tally(long signatures, long cpuNanos) {
    Tally plus(final Tally other) {
      return new Tally(signatures + other.signatures, cpuNanos + other.cpuNanos);
    }
  }

  private SigningCeiling() {}

  /** Signatures per second on {@code threads} threads, measured after a warm-up. */
  public static Reading measure(
      final RsaSigner signer,
      final PrivateKey key,
      final int threads,
      final Duration warmUp,
      final Duration measured)
      throws Exception {
    final PaymentFinalized payment = new PaymentSamples("ceiling-", 0.2, 1L).next(1);
    final String content =
        SignedContent.of(
            NotifyPaymentApi.PATH,
            "BENCH_CLIENT",
            Instant.now().toString(),
            NotifyRequestBody.toJson(payment));
    run(signer, key, content, threads, warmUp);
    final long started = System.nanoTime();
    final Tally tally = run(signer, key, content, threads, measured);
    final double seconds = (System.nanoTime() - started) / 1e9;
    return new Reading(
        tally.signatures() / seconds, tally.cpuNanos() / 1e6 / Math.max(1, tally.signatures()));
  }

  private static Tally run(
      final RsaSigner signer,
      final PrivateKey key,
      final String content,
      final int threads,
      final Duration duration)
      throws Exception {
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicInteger named = new AtomicInteger();
    final ExecutorService pool =
        Executors.newFixedThreadPool(
            threads, task -> new Thread(task, "signing-ceiling-" + named.incrementAndGet()));
    try {
      final List<Future<Tally>> tallies = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        tallies.add(pool.submit(() -> signUntil(stop, signer, key, content)));
      }
      Thread.sleep(duration.toMillis());
      stop.set(true);
      Tally total = new Tally(0, 0);
      for (final Future<Tally> tally : tallies) {
        total = total.plus(tally.get());
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Tally signUntil(
      final AtomicBoolean stop,
      final RsaSigner signer,
      final PrivateKey key,
      final String content) {
    final long cpuBefore = THREADS.getCurrentThreadCpuTime();
    long n = 0;
    while (!stop.get()) {
      signer.sign(key, content);
      n++;
    }
    return new Tally(n, THREADS.getCurrentThreadCpuTime() - cpuBefore);
  }
}
