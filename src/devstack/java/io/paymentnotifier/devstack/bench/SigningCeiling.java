package io.paymentnotifier.devstack.bench;

import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.notify.NotifyPaymentApi;
import io.paymentnotifier.notify.NotifyRequestBody;
import io.paymentnotifier.notify.RsaSignatures;
import io.paymentnotifier.notify.SignedContent;
import io.paymentnotifier.publish.PaymentSamples;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The CPU ceiling of notifying: RSA-2048 SHA256withRSA signatures per second over real
 * notifyPayment contents, on every core, with the signing code the client uses.
 */
public final class SigningCeiling {

  private SigningCeiling() {}

  /** Signatures per second on {@code threads} threads, measured after a warm-up. */
  public static double measure(
      final PrivateKey key, final int threads, final Duration warmUp, final Duration measured)
      throws Exception {
    final PaymentFinalized payment = new PaymentSamples("ceiling-", 0.2, 1L).next(1);
    final String content =
        SignedContent.of(
            NotifyPaymentApi.PATH,
            "BENCH_CLIENT",
            Instant.now().toString(),
            NotifyRequestBody.toJson(payment));
    run(key, content, threads, warmUp);
    return run(key, content, threads, measured) / (measured.toNanos() / 1e9);
  }

  private static long run(
      final PrivateKey key, final String content, final int threads, final Duration duration)
      throws Exception {
    final AtomicBoolean stop = new AtomicBoolean();
    final ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      final List<Future<Long>> counts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        counts.add(pool.submit(() -> signUntil(stop, key, content)));
      }
      Thread.sleep(duration.toMillis());
      stop.set(true);
      long total = 0;
      for (final Future<Long> count : counts) {
        total += count.get();
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long signUntil(
      final AtomicBoolean stop, final PrivateKey key, final String content) {
    long n = 0;
    while (!stop.get()) {
      RsaSignatures.sign(key, content);
      n++;
    }
    return n;
  }
}
