package io.paymentnotifier.notify;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.apache.kafka.common.config.ConfigException;

/** Builds the pooled, non-blocking HttpClient 5 client that carries notifyPayment calls. */
final class NotifyHttpClients {

  /** Re-check a pooled connection idle this long before reuse: peers close idle ones quietly. */
  private static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofSeconds(2);

  private NotifyHttpClients() {}

  /**
   * A started client with TCP_NODELAY, the configured I/O threads, pool, timeouts and trust store.
   */
  static CloseableHttpAsyncClient create(final AlipaySettings settings) {
    final CloseableHttpAsyncClient client =
        HttpAsyncClients.custom()
            .setConnectionManager(connectionManager(settings))
            .setIOReactorConfig(
                IOReactorConfig.custom().setTcpNoDelay(true).setIoThreadCount(1).build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setResponseTimeout(timeout(settings.responseTimeout().toMillis()))
                    .setConnectionRequestTimeout(timeout(settings.callTimeout().toMillis()))
                    .setRedirectsEnabled(false)
                    .build())
            // Retrying is the topology's job: it resends the same body with backoff.
            .disableAutomaticRetries()
            .disableCookieManagement()
            .build();
    client.start();
    return client;
  }

  private static PoolingAsyncClientConnectionManager connectionManager(
      final AlipaySettings settings) {
    final PoolingAsyncClientConnectionManagerBuilder builder =
        PoolingAsyncClientConnectionManagerBuilder.create()
            .setMaxConnTotal(settings.poolMaxTotal())
            .setMaxConnPerRoute(settings.poolMaxPerRoute())
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(timeout(settings.connectTimeout().toMillis()))
                    .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY)
                    .build());
    if (settings.trustStore() != null) {
      builder.setTlsStrategy(
          ClientTlsStrategyBuilder.create()
              .setSslContext(sslContext(settings.trustStore()))
              .buildAsync());
    }
    return builder.build();
  }

  private static SSLContext sslContext(final AlipaySettings.TrustStore store) {
    try {
      final java.security.KeyStore keyStore = java.security.KeyStore.getInstance(store.type());
      try (var in = java.nio.file.Files.newInputStream(store.path())) {
        keyStore.load(in, store.password() == null ? null : store.password().toCharArray());
      }
      return SSLContexts.custom().loadTrustMaterial(keyStore, null).build();
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigException(
          "http.truststore.path: cannot load trust store "
              + store.path()
              + " ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  private static Timeout timeout(final long millis) {
    return Timeout.of(millis, TimeUnit.MILLISECONDS);
  }
}
