package io.paymentnotifier.notify;

import java.time.Instant;

/**
 * One Alipay+ host as the overload control sees it now.
 *
 * @param host the host, with its port when the URL names one
 * @param state where it stands
 * @param since when it entered that state (of the circuit: available and limited count as one)
 * @param permittedRate requests per second this instance may send it now; 0 when no limit applies
 */
public record HostStatus(String host, HostState state, Instant since, double permittedRate) {}
