package io.paymentnotifier.avro;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the registry client a configuration asks for: a mock:// scope or the REST client. */
public final class SchemaRegistryClients {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryClients.class);

  private SchemaRegistryClients() {}

  /** The client for {@code schema.registry.url}; mock and real URLs cannot be mixed. */
  public static SchemaRegistryClient create(final AvroSerdeConfig config) {
    final List<String> urls = config.urls();
    final long mocks =
        urls.stream().filter(u -> u.startsWith(MockSchemaRegistry.MOCK_URL_PREFIX)).count();
    if (mocks > 0) {
      if (urls.size() > 1) {
        throw new ConfigException(
            "Invalid value for configuration "
                + AvroSerdeConfig.URL
                + ": a mock:// URL must be the only URL");
      }
      return MockSchemaRegistry.clientForScope(
          urls.get(0).substring(MockSchemaRegistry.MOCK_URL_PREFIX.length()));
    }
    return new RestSchemaRegistryClient(config);
  }

  /** Closes a client that holds resources (the REST client's connection pool); null is fine. */
  static void close(final SchemaRegistryClient client) {
    if (client instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (final IOException e) {
        LOG.warn("Closing the Schema Registry client failed", e);
      }
    }
  }
}
