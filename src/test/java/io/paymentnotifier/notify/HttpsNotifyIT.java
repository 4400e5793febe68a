package io.paymentnotifier.notify;

import static io.paymentnotifier.config.AlipayConfigDef.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paymentnotifier.config.NotifierConfig;
import io.paymentnotifier.simulator.AlipaySimulator;
import io.paymentnotifier.simulator.SimulatorFaults;
import io.paymentnotifier.simulator.SimulatorTls;
import io.paymentnotifier.testing.Payments;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** notifyPayment over real TLS: a configured trust store, or the JVM's (which must refuse). */
class HttpsNotifyIT {

  @TempDir static Path dir;
  private static TestTls tls;
  private static AlipaySimulator simulator;

  @BeforeAll
  static void startHttpsSimulator() throws Exception {
    tls = TestTls.create(dir);
    simulator =
        new AlipaySimulator(TestKeys.alipayPrivate(), TestKeys.mppPublic(), SimulatorFaults.none())
            .tls(SimulatorTls.fromPkcs12(tls.serverKeyStore, TestTls.PASSWORD.toCharArray()))
            .start();
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  private static Map<String, String> config() {
    final Map<String, String> settings = new HashMap<>();
    settings.put("kafka.bootstrap.servers", "localhost:9092");
    settings.put("schema.registry.url", "http://localhost:8081");
    settings.put(CLIENT_ID_CONFIG, "TLS_CLIENT");
    settings.put(BASE_URL_CONFIG, simulator.baseUrl().toString());
    settings.put(PRIVATE_KEY_CONFIG, Keys.toPem(TestKeys.mppPrivate()));
    settings.put(PUBLIC_KEY_CONFIG, Keys.toPem(TestKeys.alipayPublic()));
    return settings;
  }

  private static NotifyOutcome notifyWith(final Map<String, String> settings) throws Exception {
    try (HttpNotifyClient client =
        new HttpNotifyClient(AlipaySettings.from(new NotifierConfig(settings)))) {
      return client.notify(Payments.aPayment().build()).get(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldAcknowledgeOverHttpsWithTheConfiguredTrustStore() throws Exception {
    // given
    final Map<String, String> settings = config();
    settings.put(TRUSTSTORE_PATH_CONFIG, tls.trustStore.toString());
    settings.put(TRUSTSTORE_PASSWORD_CONFIG, TestTls.PASSWORD);
    // when
    final NotifyOutcome outcome = notifyWith(settings);
    // then
    assertThat(simulator.baseUrl().getScheme()).isEqualTo("https");
    assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.ACKNOWLEDGED);
  }

  @Test
  void shouldRetryLaterWhenTheJvmTrustStoreDoesNotTrustTheServer() throws Exception {
    // when
    final NotifyOutcome outcome = notifyWith(config());
    // then
    assertThat(outcome.kind()).isEqualTo(NotifyOutcome.Kind.RETRY_LATER);
    assertThat(outcome.call().error()).containsIgnoringCase("SSL");
  }

  @Test
  void shouldFailAtStartNamingTheKeyWhenTrustStoreIsMissing() {
    // given
    final Map<String, String> settings = config();
    settings.put(TRUSTSTORE_PATH_CONFIG, dir.resolve("absent.p12").toString());
    // when / then
    assertThatThrownBy(() -> AlipaySettings.from(new NotifierConfig(settings)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("http.truststore.path: file ");
  }
}
