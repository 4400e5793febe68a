package io.paymentnotifier.avro;

import java.util.List;
import org.apache.kafka.common.config.ConfigException;

/** Builds the registry client a configuration asks for: mock:// scopes or the REST client. */
public final class SchemaRegistryClients {

  private SchemaRegistryClients() {}

  /** The client for {@code schema.registry.url}; mock and real URLs cannot be mixed. */
  public static SchemaRegistryClient create(final AvroSerdeConfig config) {
    final List<String> urls = config.urls();
    final long mocks =
        urls.stream().filter(u -> u.startsWith(MockSchemaRegistry.MOCK_URL_PREFIX)).count();
    if (mocks > 0) {
      if (urls.size() > 1) {
        throw new ConfigException(
            AvroSerdeConfig.URL, String.join(",", urls), "a mock:// URL must be the only URL");
      }
      return MockSchemaRegistry.clientForScope(
          urls.get(0).substring(MockSchemaRegistry.MOCK_URL_PREFIX.length()));
    }
    throw new ConfigException(
        AvroSerdeConfig.URL, String.join(",", urls), "only mock:// registries are supported yet");
  }
}
