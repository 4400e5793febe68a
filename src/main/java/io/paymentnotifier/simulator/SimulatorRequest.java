package io.paymentnotifier.simulator;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequest;

/**
 * One request as the simulator judges it: what its HTTP server read off the wire, free of the
 * server's types, so that the answer rules and faults can be read and tested on their own.
 *
 * @param method e.g. POST
 * @param path the raw path, without the query
 * @param headers the first value of each header, by lower-case name
 * @param body the body, decoded as UTF-8 (empty when there is none)
 */
record SimulatorRequest(String method, String path, Map<String, String> headers, String body) {

  SimulatorRequest {
    headers = Map.copyOf(headers);
  }

  /** The request of this head and body. */
  static SimulatorRequest of(final HttpRequest request, final byte[] body) {
    final Map<String, String> headers = new HashMap<>();
    for (final Header header : request.getHeaders()) {
      headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
    }
    final String path = request.getPath() == null ? "/" : request.getPath();
    final int query = path.indexOf('?');
    return new SimulatorRequest(
        request.getMethod(),
        query < 0 ? path : path.substring(0, query),
        headers,
        body == null ? "" : new String(body, StandardCharsets.UTF_8));
  }

  /** The first value of this header (any case), or null. */
  String header(final String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }
}
