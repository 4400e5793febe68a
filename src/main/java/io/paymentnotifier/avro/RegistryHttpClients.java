package io.paymentnotifier.avro;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/** The pooled HttpClient 5 the registry client uses, with every timeout set explicitly. */
final class RegistryHttpClients {

  private static final int MAX_CONNECTIONS = 16;

  private RegistryHttpClients() {}

  static CloseableHttpClient create(final AvroSerdeConfig config) {
    final Timeout connect =
        Timeout.ofMilliseconds(config.getInt(AvroSerdeConfig.CONNECT_TIMEOUT_MS));
    final Timeout read = Timeout.ofMilliseconds(config.getInt(AvroSerdeConfig.READ_TIMEOUT_MS));
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(
                    ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(read)
                        .build())
                .setDefaultSocketConfig(
                    SocketConfig.custom().setTcpNoDelay(true).setSoTimeout(read).build())
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .build())
        .setDefaultRequestConfig(
            RequestConfig.custom()
                .setConnectionRequestTimeout(connect)
                .setResponseTimeout(read)
                .build())
        // Retries and failover are ours (RegistryHttp): transient statuses only, then next URL.
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .build();
  }
}
