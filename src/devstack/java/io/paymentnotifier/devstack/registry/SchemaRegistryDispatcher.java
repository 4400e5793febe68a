package io.paymentnotifier.devstack.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Maps a request's method and path onto {@link SchemaRegistryRoutes}. */
final class SchemaRegistryDispatcher {

  private final SchemaRegistryRoutes routes;

  SchemaRegistryDispatcher(final SchemaRegistryRoutes routes) {
    this.routes = routes;
  }

  SchemaRegistryReply dispatch(final String method, final URI uri, final JsonNode body) {
    final List<String> path = segments(uri.getRawPath());
    final String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    final String route = method + " " + shape(path);
    return switch (route) {
      case "GET /" -> SchemaRegistryReply.ok(JsonNodeFactory.instance.objectNode());
      case "GET /subjects" -> routes.subjects();
      case "POST /subjects/*" -> routes.lookup(path.get(1), body);
      case "GET /subjects/*/versions" -> routes.versions(path.get(1));
      case "POST /subjects/*/versions" -> routes.register(path.get(1), body);
      case "GET /subjects/*/versions/*" -> routes.version(path.get(1), path.get(3));
      case "GET /schemas/ids/*" -> routes.schemaById(schemaId(path.get(2)));
      case "POST /compatibility/subjects/*/versions/*" ->
          routes.compatibility(path.get(2), path.get(4), body, flag(query, "verbose"));
      case "GET /config" -> routes.getConfig(null, true);
      case "GET /config/*" -> routes.getConfig(path.get(1), flag(query, "defaultToGlobal"));
      case "PUT /config" -> routes.putConfig(null, body);
      case "PUT /config/*" -> routes.putConfig(path.get(1), body);
      default -> SchemaRegistryReply.error(404, 404, "HTTP 404 Not Found");
    };
  }

  /** Where a path has a variable part (subject, id, version): "first segment:position". */
  private static final Set<String> VARIABLE_SEGMENTS =
      Set.of(
          "subjects:1",
          "config:1",
          "schemas:2",
          "compatibility:2",
          "subjects:3",
          "compatibility:4");

  /** The path with each variable part (subject, id, version) replaced by {@code *}. */
  private static String shape(final List<String> path) {
    final StringBuilder shape = new StringBuilder();
    for (int i = 0; i < path.size(); i++) {
      final boolean variable = VARIABLE_SEGMENTS.contains(path.get(0) + ":" + i);
      shape.append('/').append(variable ? "*" : path.get(i));
    }
    return shape.length() == 0 ? "/" : shape.toString();
  }

  private static List<String> segments(final String rawPath) {
    final List<String> segments = new ArrayList<>();
    for (final String raw : rawPath.split("/")) {
      if (!raw.isEmpty()) {
        // Decode %XX only: a '+' in a path is a plus sign, not a space.
        segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return segments;
  }

  private static boolean flag(final String query, final String name) {
    for (final String pair : query.split("&")) {
      if (pair.equalsIgnoreCase(name + "=true")) {
        return true;
      }
    }
    return false;
  }

  private static int schemaId(final String text) {
    try {
      return Integer.parseInt(text);
    } catch (final NumberFormatException e) {
      return -1;
    }
  }
}
