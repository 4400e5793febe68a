package io.paymentnotifier.simulator;

import io.paymentnotifier.notify.NotifyPaymentApi;
import io.paymentnotifier.notify.ProviderChoice;
import io.paymentnotifier.notify.RsaSigner;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.nio.AsyncServerRequestHandler;

/**
 * A real Alipay+ notifyPayment peer over HTTP, for tests, the demo, benchmarks and integrators.
 *
 * <p>It verifies request signatures with the MPP public key, validates bodies, answers repeats of a
 * paymentRequestId idempotently, signs answers with the Alipay+ key, injects the configured {@link
 * SimulatorFaults} (changeable while running) and serves its counts at {@code GET /stats}.
 * Signatures are computed by the {@code auto} choice of crypto provider unless {@link
 * #signatures(RsaSigner)} says otherwise. It serves with HttpCore 5's non-blocking server, so that
 * a benchmark measures the notifier rather than the peer: a request costs no thread, and latency is
 * a scheduled answer.
 */
public final class AlipaySimulator implements AutoCloseable {

  private static final String INVALID_API =
      "{\"result\":{\"resultCode\":\"INVALID_API\",\"resultStatus\":\"F\"}}";

  private final InetSocketAddress bindAddress;
  private final PrivateKey alipayPrivateKey;
  private final PublicKey mppPublicKey;
  private final AtomicReference<SimulatorFaults> faults;
  private final SimulatorStats stats = new SimulatorStats();
  private SSLContext tls;
  private RsaSigner signatures;
  private SimulatorHttpServer server;
  private int boundPort;
  private ScheduledExecutorService scheduler;
  private AnswerSender sender;

  /**
   * A simulator on 127.0.0.1 at a free port.
   *
   * @param alipayPrivateKey signs the answers
   * @param mppPublicKey verifies request signatures; null accepts any signature
   * @param faults the faults to start with
   */
  public AlipaySimulator(
      final PrivateKey alipayPrivateKey,
      final PublicKey mppPublicKey,
      final SimulatorFaults faults) {
    this("127.0.0.1", 0, alipayPrivateKey, mppPublicKey, faults);
  }

  /** A simulator bound to this host and port (0 picks a free one). */
  public AlipaySimulator(
      final String host,
      final int port,
      final PrivateKey alipayPrivateKey,
      final PublicKey mppPublicKey,
      final SimulatorFaults faults) {
    this.bindAddress = new InetSocketAddress(host, port);
    this.alipayPrivateKey = alipayPrivateKey;
    this.mppPublicKey = mppPublicKey;
    this.faults = new AtomicReference<>(faults);
  }

  /**
   * Serve HTTPS with this context (its key store holds the server certificate); call before start.
   */
  public synchronized AlipaySimulator tls(final SSLContext context) {
    tls = context;
    return this;
  }

  /** Verify requests and sign answers with these signatures; call before start. */
  public synchronized AlipaySimulator signatures(final RsaSigner chosen) {
    signatures = chosen;
    return this;
  }

  /** Binds and starts serving; returns this. */
  public synchronized AlipaySimulator start() {
    if (signatures == null) {
      signatures = RsaSigner.select("simulator crypto provider", ProviderChoice.AUTO);
    }
    // One thread: putting an answer on the wire takes microseconds, and a second thread only
    // adds wake-ups (profiled with two: their waiting took an eighth of the simulator's CPU).
    scheduler = Executors.newSingleThreadScheduledExecutor(daemon("simulator-latency"));
    sender = new AnswerSender(scheduler, new ResponseSigner(signatures, alipayPrivateKey));
    final Connections connections = new Connections(stats);
    final Map<String, AsyncServerRequestHandler<Message<HttpRequest, byte[]>>> routes =
        new LinkedHashMap<>();
    routes.put(
        NotifyPaymentApi.PATH,
        new NotifyPaymentHandler(
            new NotifyPaymentAnswers(mppPublicKey, signatures),
            faults::get,
            stats,
            sender,
            connections));
    routes.put("/stats", new JsonRoute(200, () -> stats().toJson()));
    routes.put("/health", new JsonRoute(200, () -> "{\"status\":\"UP\"}"));
    routes.put("*", new JsonRoute(404, () -> INVALID_API));
    try {
      server = SimulatorHttpServer.start(bindAddress, tls, routes, connections);
      boundPort = server.port();
    } catch (RuntimeException e) {
      scheduler.shutdownNow();
      throw e;
    }
    return this;
  }

  /** Who verifies requests and signs answers (known once started). */
  public synchronized RsaSigner signatures() {
    return signatures;
  }

  /** The bound port. */
  public int port() {
    return boundPort;
  }

  /** {@code http://host:port}, the value for {@code alipay.base.url}. */
  public URI baseUrl() {
    final String scheme = tls == null ? "http://" : "https://";
    return URI.create(scheme + bindAddress.getHostString() + ":" + port());
  }

  /** The full notifyPayment URL. */
  public URI notifyUrl() {
    return URI.create(baseUrl() + NotifyPaymentApi.PATH);
  }

  /** The faults now in force. */
  public SimulatorFaults faults() {
    return faults.get();
  }

  /** Switches faults for the requests that arrive from now on. */
  public void faults(final SimulatorFaults next) {
    faults.set(next);
  }

  /** notifyPayment requests received so far: cheaper than {@link #stats()} for a count alone. */
  public long totalRequests() {
    return stats.totalRequests();
  }

  /** The counts so far. */
  public SimulatorStats.Snapshot stats() {
    return stats.snapshot();
  }

  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    sender.releaseHeld();
    server.close();
    scheduler.shutdownNow();
    server = null;
  }

  private static ThreadFactory daemon(final String name) {
    final AtomicInteger count = new AtomicInteger();
    return task -> {
      final Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
