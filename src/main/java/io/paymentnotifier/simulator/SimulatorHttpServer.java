package io.paymentnotifier.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.impl.bootstrap.AsyncServerBootstrap;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncServer;
import org.apache.hc.core5.http.nio.AsyncServerRequestHandler;
import org.apache.hc.core5.http.nio.ssl.BasicServerTlsStrategy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.net.URIAuthority;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.reactor.ListenerEndpoint;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The simulator's HTTP/1.1 server: HttpCore 5's non-blocking one, HTTPS when given a TLS context.
 * Handlers run on its I/O threads (server-dispatch-N), one per core, and must not block them.
 */
final class SimulatorHttpServer implements AutoCloseable {

  /** Every Host is served: the simulator answers as localhost, 127.0.0.1 or a compose name. */
  private static final URIAuthority ANY_HOST = new URIAuthority("alipay-simulator");

  /**
   * Idle keep-alive connections are closed after this; a held request keeps its connection open
   * (see {@link Exchange#hold}).
   */
  private static final Timeout IDLE = Timeout.ofMinutes(5);

  private static final int BACKLOG = 1024;

  private final HttpAsyncServer server;
  private final int port;

  private SimulatorHttpServer(final HttpAsyncServer server, final int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Binds and starts serving these routes (a path, or {@code *} for any other).
   *
   * @param tls serves HTTPS with it; null serves HTTP
   * @param connections told of every connection opened and closed
   * @throws UncheckedIOException when the address cannot be bound
   */
  static SimulatorHttpServer start(
      final InetSocketAddress bindAddress,
      final SSLContext tls,
      final Map<String, AsyncServerRequestHandler<Message<HttpRequest, byte[]>>> routes,
      final Connections connections) {
    final HttpAsyncServer server = create(tls, routes, connections);
    server.start();
    try {
      final ListenerEndpoint endpoint =
          server.listen(bindAddress, tls == null ? URIScheme.HTTP : URIScheme.HTTPS).get();
      return new SimulatorHttpServer(server, ((InetSocketAddress) endpoint.getAddress()).getPort());
    } catch (ExecutionException e) {
      server.close(CloseMode.IMMEDIATE);
      throw new UncheckedIOException(
          "cannot bind the simulator to " + bindAddress,
          e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
    } catch (InterruptedException e) {
      server.close(CloseMode.IMMEDIATE);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while binding the simulator", e);
    }
  }

  private static HttpAsyncServer create(
      final SSLContext tls,
      final Map<String, AsyncServerRequestHandler<Message<HttpRequest, byte[]>>> routes,
      final Connections connections) {
    final AsyncServerBootstrap bootstrap =
        AsyncServerBootstrap.bootstrap()
            .setCanonicalHostName(ANY_HOST.getHostName())
            .setAuthorityResolver((scheme, authority) -> ANY_HOST)
            .setIOReactorConfig(
                IOReactorConfig.custom()
                    .setTcpNoDelay(true)
                    .setSoReuseAddress(true)
                    .setSoTimeout(IDLE)
                    .setBacklogSize(BACKLOG)
                    .build())
            .setIOSessionListener(connections);
    if (tls != null) {
      bootstrap.setTlsStrategy(new BasicServerTlsStrategy(tls));
    }
    routes.forEach(bootstrap::register);
    return bootstrap.create();
  }

  /** The bound port. */
  int port() {
    return port;
  }

  /** Closes every connection at once, as the JDK server's stop(0) did, and waits briefly. */
  @Override
  public void close() {
    server.close(CloseMode.IMMEDIATE);
    try {
      server.awaitShutdown(TimeValue.of(2, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
