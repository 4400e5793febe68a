package io.paymentnotifier.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.paymentnotifier.notify.NotifyPaymentApi;
import io.paymentnotifier.notify.ProviderChoice;
import io.paymentnotifier.notify.RsaSigner;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;

/**
 * A real Alipay+ notifyPayment peer over HTTP, for tests, the demo, benchmarks and integrators.
 *
 * <p>It verifies request signatures with the MPP public key, validates bodies, answers repeats of a
 * paymentRequestId idempotently, signs answers with the Alipay+ key, injects the configured {@link
 * SimulatorFaults} (changeable while running) and serves its counts at {@code GET /stats}.
 * Signatures are computed by the {@code auto} choice of crypto provider unless {@link
 * #signatures(RsaSigner)} says otherwise.
 */
public final class AlipaySimulator implements AutoCloseable {

  static {
    // The JDK server leaves Nagle on: ~40 ms per answer (feasibility.md §5). The setting is read
    // once, when the first HttpServer of the JVM is created.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final int BACKLOG = 1024;
  private static final int WORKERS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());

  private final InetSocketAddress bindAddress;
  private final PrivateKey alipayPrivateKey;
  private final PublicKey mppPublicKey;
  private final AtomicReference<SimulatorFaults> faults;
  private final SimulatorStats stats = new SimulatorStats();
  private SSLContext tls;
  private RsaSigner signatures;
  private HttpServer server;
  private int boundPort;
  private ExecutorService workers;
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
    try {
      server = tls == null ? HttpServer.create(bindAddress, BACKLOG) : httpsServer();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the simulator to " + bindAddress, e);
    }
    workers = Executors.newFixedThreadPool(WORKERS, daemon("simulator-http"));
    scheduler = Executors.newScheduledThreadPool(2, daemon("simulator-latency"));
    if (signatures == null) {
      signatures = RsaSigner.select("simulator crypto provider", ProviderChoice.AUTO);
    }
    sender = new AnswerSender(scheduler, new ResponseSigner(signatures, alipayPrivateKey));
    server.createContext(
        NotifyPaymentApi.PATH,
        new NotifyPaymentHandler(mppPublicKey, signatures, faults::get, stats, sender));
    server.createContext("/stats", exchange -> sendJson(exchange, 200, stats().toJson()));
    server.createContext("/health", exchange -> sendJson(exchange, 200, "{\"status\":\"UP\"}"));
    server.createContext(
        "/",
        exchange ->
            sendJson(
                exchange,
                404,
                "{\"result\":{\"resultCode\":\"INVALID_API\",\"resultStatus\":\"F\"}}"));
    server.setExecutor(workers);
    server.start();
    boundPort = server.getAddress().getPort();
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
    server.stop(0);
    scheduler.shutdownNow();
    workers.shutdownNow();
    try {
      workers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server = null;
  }

  private HttpsServer httpsServer() throws IOException {
    final HttpsServer https = HttpsServer.create(bindAddress, BACKLOG);
    https.setHttpsConfigurator(new HttpsConfigurator(tls));
    return https;
  }

  private static void sendJson(final HttpExchange exchange, final int status, final String json)
      throws IOException {
    final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getRequestBody().readAllBytes();
    exchange.getResponseHeaders().set("Content-Type", NotifyPaymentApi.CONTENT_TYPE.toString());
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
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
