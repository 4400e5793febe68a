package io.paymentnotifier.deploy;

import static io.paymentnotifier.deploy.DeployFiles.list;
import static io.paymentnotifier.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import io.paymentnotifier.cli.KeygenCommand;
import io.paymentnotifier.config.AlipayConfigDef;
import io.paymentnotifier.config.ConfigLoader;
import io.paymentnotifier.config.NotifierConfig;
import io.paymentnotifier.config.Topics;
import io.paymentnotifier.ops.OpsServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here: docker-compose.yml is parsed and its images, ports, healthchecks,
 * wiring and settings are checked against the application.
 */
class DockerComposeTest {

  private static final String NOTIFIER = "payment-notifier";
  private static final Set<String> ONE_SHOT = Set.of("topics", "keygen");

  private final Map<String, Object> services =
      map(DeployFiles.yaml(DeployFiles.file("docker-compose.yml")).get("services"));

  @Test
  void shouldRunTheWholeStackFromTheExpectedImages() {
    // then
    assertThat(image("kafka")).startsWith("apache/kafka:");
    assertThat(image("topics")).isEqualTo(image("kafka"));
    assertThat(image("schema-registry")).startsWith("confluentinc/cp-schema-registry:");
    assertThat(image("kafka-ui")).startsWith("kafbat/kafka-ui:");
    assertThat(image("prometheus")).startsWith("prom/prometheus:");
    assertThat(image("grafana")).startsWith("grafana/grafana:");
    assertThat(List.of(NOTIFIER, "simulator", "keygen", "publish"))
        .allSatisfy(name -> assertThat(service(name)).containsKey("build"))
        .allSatisfy(name -> assertThat(image(name)).isEqualTo(image(NOTIFIER)));
  }

  @Test
  void shouldRunKafkaInKraftModeWithoutZookeeper() {
    // when
    final Map<String, Object> env = environment("kafka");

    // then
    assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
    assertThat(services).doesNotContainKey("zookeeper");
  }

  @Test
  void shouldHealthcheckEveryLongRunningService() {
    // when
    final List<String> longRunning =
        services.keySet().stream()
            .filter(name -> !ONE_SHOT.contains(name) && !"publish".equals(name))
            .filter(name -> !"kafka-ui".equals(name))
            .toList();

    // then
    assertThat(longRunning)
        .contains("kafka", "schema-registry", "simulator", NOTIFIER, "prometheus", "grafana");
    assertThat(longRunning)
        .allSatisfy(name -> assertThat(service(name)).containsKey("healthcheck"));
  }

  @Test
  void shouldWaitOnlyForHealthyOrCompletedDependencies() {
    for (final String name : services.keySet()) {
      final Object dependsOn = service(name).get("depends_on");
      if (dependsOn == null) {
        continue;
      }
      map(dependsOn)
          .forEach(
              (target, spec) -> {
                final String condition = String.valueOf(map(spec).get("condition"));
                assertThat(services).as(name + " -> " + target).containsKey(target);
                if (ONE_SHOT.contains(target)) {
                  assertThat(condition)
                      .as(name + " -> " + target)
                      .isEqualTo("service_completed_successfully");
                } else {
                  assertThat(condition).as(name + " -> " + target).isEqualTo("service_healthy");
                  assertThat(service(target)).as(target).containsKey("healthcheck");
                }
              });
    }
  }

  @Test
  void shouldStartTheNotifierOnlyAfterKafkaRegistryTopicsAndSimulator() {
    // when
    final Map<String, Object> dependsOn = map(service(NOTIFIER).get("depends_on"));

    // then
    assertThat(dependsOn.keySet())
        .containsExactlyInAnyOrder("kafka", "schema-registry", "topics", "simulator");
    assertThat(map(service("simulator").get("depends_on"))).containsKey("keygen");
  }

  @Test
  void shouldGiveTheNotifierOnlyKnownSettingsThatFormAValidConfiguration() {
    // given
    final Map<String, String> env = stringEnvironment(NOTIFIER);

    // then
    assertThat(env.keySet())
        .allSatisfy(name -> assertThat(DeployFiles.isKnownSetting(name)).as(name).isTrue());
    assertThatCode(() -> new NotifierConfig(ConfigLoader.fromEnvironment(env)))
        .doesNotThrowAnyException();
    assertThat(stringEnvironment("publish").keySet())
        .allSatisfy(name -> assertThat(DeployFiles.isKnownSetting(name)).as(name).isTrue());
  }

  @Test
  void shouldPointTheNotifierAtTheServicesOfTheStack() {
    // given
    final NotifierConfig config =
        new NotifierConfig(ConfigLoader.fromEnvironment(stringEnvironment(NOTIFIER)));
    final Map<String, Object> kafkaEnv = environment("kafka");

    // when
    final String bootstrap = config.getString("kafka.bootstrap.servers");
    final URI registry = URI.create(config.getString("schema.registry.url"));
    final URI alipay = URI.create(config.getString(AlipayConfigDef.BASE_URL_CONFIG));

    // then
    assertThat(String.valueOf(kafkaEnv.get("KAFKA_ADVERTISED_LISTENERS")))
        .contains("://" + bootstrap);
    assertThat(environment("kafka-ui").get("KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS"))
        .isEqualTo(bootstrap);
    assertThat(services).containsKey(registry.getHost());
    assertThat(String.valueOf(environment(registry.getHost()).get("SCHEMA_REGISTRY_LISTENERS")))
        .endsWith(":" + registry.getPort());
    assertThat(alipay.getHost()).isEqualTo("simulator");
    assertThat(command("simulator")).containsSequence("--port", String.valueOf(alipay.getPort()));
    assertThat(command("simulator")).containsSequence("--host", "0.0.0.0");
  }

  @Test
  void shouldShareTheGeneratedDevKeysWithTheSimulatorAndTheNotifier() {
    // given
    final NotifierConfig config =
        new NotifierConfig(ConfigLoader.fromEnvironment(stringEnvironment(NOTIFIER)));
    final String keysDir = commandArgument("keygen", "--dir");

    // when
    final Path privateKey = Path.of(config.getString(AlipayConfigDef.PRIVATE_KEY_FILE_CONFIG));
    final Path publicKey = Path.of(config.getString(AlipayConfigDef.PUBLIC_KEY_FILE_CONFIG));

    // then: keygen writes mpp-*.pem and alipay-*.pem into the volume the others mount
    final String volume = volumeAt("keygen", keysDir);
    assertThat(volume).isNotNull();
    assertThat(privateKey.getParent().toString()).isEqualTo(keysDir);
    assertThat(privateKey.getFileName().toString()).isEqualTo(KeygenCommand.MPP_PRIVATE);
    assertThat(publicKey.getFileName().toString()).isEqualTo(KeygenCommand.ALIPAY_PUBLIC);
    assertThat(volumeAt(NOTIFIER, keysDir)).isEqualTo(volume + ":ro");
    assertThat(commandArgument("simulator", "--keys-dir")).isEqualTo(keysDir);
    assertThat(volumeAt("simulator", keysDir)).isEqualTo(volume + ":ro");
  }

  @Test
  void shouldExposeAndHealthcheckTheOpsReadinessEndpoint() {
    // given
    final int opsPort =
        new NotifierConfig(ConfigLoader.fromEnvironment(stringEnvironment(NOTIFIER)))
            .getInt("ops.port");

    // when
    final String healthcheck = String.join(" ", healthcheck(NOTIFIER));

    // then
    assertThat(list(service(NOTIFIER).get("ports"))).contains(opsPort + ":" + opsPort);
    assertThat(healthcheck)
        .contains("/dev/tcp/127.0.0.1/" + opsPort)
        .contains("GET " + OpsServer.READY_PATH + " ")
        .contains("' 200 '");
  }

  @Test
  void shouldCreateEveryTopicWithTheRetryTopicSizedLikeTheInput() {
    // given
    final String script = DeployFiles.text(DeployFiles.file("docker/create-topics.sh"));
    final Topics topics = Topics.defaults();

    // then
    assertThat(command("topics")).contains("/docker/create-topics.sh");
    assertThat(list(service("topics").get("volumes")))
        .contains("./docker/create-topics.sh:/docker/create-topics.sh:ro");
    assertThat(script)
        .contains(
            "for topic in "
                + String.join(" ", topics.input(), topics.retry(), topics.done(), topics.dlq())
                + "; do")
        .contains("--partitions \"$PARTITIONS\"");
  }

  @Test
  void shouldLetUsersPublishSamplesWithExtraFlags() {
    // when
    final Map<String, Object> publish = service("publish");

    // then
    assertThat(list(publish.get("entrypoint"))).last().isEqualTo("publish");
    assertThat(list(publish.get("profiles"))).containsExactly("tools");
  }

  @Test
  void shouldScrapeTheNotifierAndEvaluateTheAlertRulesInPrometheus() throws Exception {
    // given
    final int opsPort =
        new NotifierConfig(ConfigLoader.fromEnvironment(stringEnvironment(NOTIFIER)))
            .getInt("ops.port");
    final Path config = hostPath("prometheus", flag("prometheus", "--config.file"));
    final Map<String, Object> prometheus = DeployFiles.yaml(config);

    // when
    final Map<String, Object> job = map(list(prometheus.get("scrape_configs")).get(0));
    final Map<String, Object> targets = map(list(job.get("static_configs")).get(0));
    final List<Path> ruleFiles =
        list(prometheus.get("rule_files")).stream()
            .map(file -> hostPath("prometheus", String.valueOf(file)))
            .toList();

    // then
    assertThat(list(targets.get("targets"))).containsExactly(NOTIFIER + ":" + opsPort);
    assertThat(job.get("metrics_path")).isEqualTo(OpsServer.METRICS_PATH);
    assertThat(ruleFiles).containsExactly(MonitoringFiles.RULES);
    assertThat(promtoolCheckConfig(prometheus, ruleFiles)).contains("SUCCESS");
  }

  @Test
  void shouldProvisionPrometheusAndTheDashboardInGrafana() {
    // given
    final String provisioning = "/etc/grafana/provisioning/";
    final Map<String, Object> datasource =
        first(hostPath("grafana", provisioning + "datasources/prometheus.yml"), "datasources");
    final Map<String, Object> provider =
        first(hostPath("grafana", provisioning + "dashboards/payment-notifier.yml"), "providers");

    // when
    final URI url = URI.create(String.valueOf(datasource.get("url")));
    final String dashboards = String.valueOf(map(provider.get("options")).get("path"));

    // then
    assertThat(datasource.get("type")).isEqualTo("prometheus");
    assertThat(datasource.get("isDefault")).isEqualTo(true);
    assertThat(url.getHost()).isEqualTo("prometheus");
    assertThat(list(service("prometheus").get("ports")))
        .contains(url.getPort() + ":" + url.getPort());
    assertThat(hostPath("grafana", dashboards)).isEqualTo(MonitoringFiles.DASHBOARD.getParent());
    assertThat(
            hostPath(
                "grafana",
                String.valueOf(
                    environment("grafana").get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"))))
        .isEqualTo(MonitoringFiles.DASHBOARD);
    assertThat(map(service("grafana").get("depends_on"))).containsOnlyKeys("prometheus");
  }

  /**
   * Prometheus' own check of the compose config (scrape settings and, through rule_files, every
   * rule), with the container paths of the rule files replaced by the files compose mounts there.
   */
  private static String promtoolCheckConfig(
      final Map<String, Object> prometheus, final List<Path> ruleFiles) throws Exception {
    final Map<String, Object> local = new TreeMap<>(prometheus);
    local.put("rule_files", ruleFiles.stream().map(Path::toString).toList());
    final Path file = Files.createTempFile("compose-prometheus", ".yml");
    Files.writeString(file, new Yaml().dump(local));
    return Tools.PROMTOOL
        .run(DeployFiles.ROOT, "check", "config", file.toString())
        .requireSuccess()
        .stdout();
  }

  private static Map<String, Object> first(final Path file, final String key) {
    return map(list(DeployFiles.yaml(file).get(key)).get(0));
  }

  /** The value of a --flag=value argument of the service's command. */
  private String flag(final String name, final String flag) {
    return command(name).stream()
        .filter(arg -> arg.startsWith(flag + "="))
        .map(arg -> arg.substring(flag.length() + 1))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " has no " + flag));
  }

  /** The repository file or folder compose mounts at (or above) the container path. */
  private Path hostPath(final String name, final String containerPath) {
    for (final Object mount : list(service(name).get("volumes"))) {
      final String[] parts = String.valueOf(mount).split(":");
      if (parts[0].startsWith("./")
          && (containerPath.equals(parts[1]) || containerPath.startsWith(parts[1] + "/"))) {
        final Path host = DeployFiles.ROOT.resolve(parts[0].substring(2)).normalize();
        final String rest = containerPath.substring(parts[1].length());
        return rest.isEmpty() ? host : host.resolve(rest.substring(1));
      }
    }
    return fail(name + " mounts nothing from the repository at " + containerPath);
  }

  private Map<String, Object> service(final String name) {
    assertThat(services).containsKey(name);
    return map(services.get(name));
  }

  private String image(final String name) {
    return String.valueOf(service(name).get("image"));
  }

  private Map<String, Object> environment(final String name) {
    final Object env = service(name).get("environment");
    return env == null ? Map.of() : map(env);
  }

  private Map<String, String> stringEnvironment(final String name) {
    final Map<String, String> env = new TreeMap<>();
    environment(name).forEach((key, value) -> env.put(key, String.valueOf(value)));
    return env;
  }

  private List<String> command(final String name) {
    return list(service(name).get("command")).stream().map(String::valueOf).toList();
  }

  private String commandArgument(final String name, final String flag) {
    final List<String> command = command(name);
    final int at = command.indexOf(flag);
    assertThat(at).as(name + " " + flag).isNotNegative();
    return command.get(at + 1);
  }

  private List<String> healthcheck(final String name) {
    return list(map(service(name).get("healthcheck")).get("test")).stream()
        .map(String::valueOf)
        .toList();
  }

  /** The volume (and mode) mounted at the path, e.g. "dev-keys:ro"; null when none is. */
  private String volumeAt(final String name, final String path) {
    for (final Object mount : list(service(name).get("volumes"))) {
      final String[] parts = String.valueOf(mount).split(":");
      if (parts[1].equals(path)) {
        return parts.length > 2 ? parts[0] + ":" + parts[2] : parts[0];
      }
    }
    return null;
  }
}
