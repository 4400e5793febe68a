package io.paymentnotifier.simulator;

import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.core5.reactor.IOSession;
import org.apache.hc.core5.reactor.IOSessionListener;

/**
 * The server's open connections by client address, so that a request can have its own connection
 * closed without an answer (a dropped call, an unanswered one given up) or kept open while held.
 *
 * <p>HttpCore hands request handlers the client's address but not the connection; its session
 * listener sees every connection open and close, and the address names one at any moment.
 */
final class Connections implements IOSessionListener {

  private final Map<SocketAddress, IOSession> open = new ConcurrentHashMap<>();

  /** A closed session no longer knows its peer: remember it by session id. */
  private final Map<String, SocketAddress> peers = new ConcurrentHashMap<>();

  private final SimulatorStats stats;

  Connections(final SimulatorStats stats) {
    this.stats = stats;
  }

  /**
   * The connection this client's request arrived on, or null when it closed meanwhile. Asked while
   * the request is being handled, the address names exactly one open connection.
   */
  IOSession of(final SocketAddress client) {
    return open.get(client);
  }

  @Override
  public void connected(final IOSession session) {
    stats.countConnection();
    final SocketAddress peer = session.getRemoteAddress();
    if (peer != null) {
      peers.put(session.getId(), peer);
      open.put(peer, session);
    }
  }

  @Override
  public void disconnected(final IOSession session) {
    final SocketAddress peer = peers.remove(session.getId());
    if (peer != null) {
      open.remove(peer, session);
    }
  }

  @Override
  public void startTls(final IOSession session) {}

  @Override
  public void inputReady(final IOSession session) {}

  @Override
  public void outputReady(final IOSession session) {}

  @Override
  public void timeout(final IOSession session) {}

  @Override
  public void exception(final IOSession session, final Exception ex) {}
}
