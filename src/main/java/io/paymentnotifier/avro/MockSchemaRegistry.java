package io.paymentnotifier.avro;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The JVM-wide in-memory registries behind {@code mock://<scope>} URLs: every serde configured with
 * the same scope shares one registry, so tests need no server.
 */
public final class MockSchemaRegistry {

  public static final String MOCK_URL_PREFIX = "mock://";

  private static final ConcurrentMap<String, InMemorySchemaRegistry> SCOPES =
      new ConcurrentHashMap<>();

  private MockSchemaRegistry() {}

  /** The registry of a scope, created empty (ids from 1) on first use. */
  public static InMemorySchemaRegistry clientForScope(final String scope) {
    return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistry());
  }

  /** Forgets a scope: the next use starts an empty registry. */
  public static void dropScope(final String scope) {
    SCOPES.remove(scope);
  }
}
