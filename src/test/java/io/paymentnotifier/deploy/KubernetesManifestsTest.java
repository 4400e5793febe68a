package io.paymentnotifier.deploy;

import static io.paymentnotifier.deploy.DeployFiles.list;
import static io.paymentnotifier.deploy.DeployFiles.map;
import static io.paymentnotifier.deploy.KubernetesModel.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.paymentnotifier.config.AlipayConfigDef;
import io.paymentnotifier.config.ConfigLoader;
import io.paymentnotifier.config.Durations;
import io.paymentnotifier.config.FlowConfigDef;
import io.paymentnotifier.config.NotifierConfig;
import io.paymentnotifier.ops.OpsServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * No cluster runs here: every manifest is parsed into fabric8 Kubernetes model objects (custom
 * resources as generic YAML) and checked against what the application expects.
 */
class KubernetesManifestsTest {

  private static final Path BASE = Path.of("base");

  private final StatefulSet workload = parse(BASE.resolve("statefulset.yaml"), StatefulSet.class);
  private final PodSpec pod = workload.getSpec().getTemplate().getSpec();
  private final Container container = pod.getContainers().get(0);
  private final ConfigMap configMap = parse(BASE.resolve("configmap.yaml"), ConfigMap.class);

  @Test
  void shouldParseEveryManifestIntoKubernetesModelObjectsWithoutUnknownFields() {
    // given
    final List<Path> manifests = KubernetesModel.manifests();

    // then
    assertThat(manifests).hasSizeGreaterThanOrEqualTo(12);
    for (final Path manifest : manifests) {
      for (final Map<String, Object> document : DeployFiles.yamlDocuments(manifest)) {
        final String type = KubernetesModel.typeOf(document);
        if (KubernetesModel.CUSTOM_TYPES.contains(type)) {
          assertThat(map(document.get("metadata"))).as(manifest.toString()).containsKey("name");
          continue;
        }
        assertThat(KubernetesModel.MODEL_TYPES).as(manifest + ": " + type).containsKey(type);
        assertThat(KubernetesModel.unknownFields(KubernetesModel.toModel(document)))
            .as(manifest.toString())
            .isEmpty();
      }
    }
  }

  @Test
  void shouldProbeTheOpsEndpointsOnTheOpsPort() {
    // when
    final int opsPort = container.getPorts().get(0).getContainerPort();

    // then
    assertThat(container.getPorts().get(0).getName()).isEqualTo("ops");
    assertThat(opsPort).isEqualTo(DeployFiles.defaultOpsPort());
    assertThat(configMap.getData()).containsEntry("NOTIFIER_OPS_PORT", String.valueOf(opsPort));
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo(OpsServer.LIVE_PATH);
    assertThat(container.getReadinessProbe().getHttpGet().getPath())
        .isEqualTo(OpsServer.READY_PATH);
    assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo(OpsServer.LIVE_PATH);
    assertThat(container.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("ops");
    assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("ops");
  }

  @Test
  void shouldConfigureTheServiceFromTheConfigMapWithKnownSettingsOnly() {
    // given
    final Map<String, String> devData = overlayConfig("dev");

    // then
    assertThat(container.getArgs()).containsExactly("run");
    assertThat(container.getEnvFrom().get(0).getConfigMapRef().getName())
        .isEqualTo(configMap.getMetadata().getName());
    assertThat(configMap.getData().keySet())
        .allSatisfy(name -> assertThat(DeployFiles.isKnownSetting(name)).as(name).isTrue());
    assertThat(devData.keySet())
        .allSatisfy(name -> assertThat(DeployFiles.isKnownSetting(name)).as(name).isTrue());
    assertThatCode(() -> config(configMap.getData())).doesNotThrowAnyException();
    assertThatCode(() -> config(devData)).doesNotThrowAnyException();
  }

  @Test
  void shouldMountTheKeysFromASecretAsReadOnlyFilesWhereTheConfigLooksForThem() {
    // given
    final NotifierConfig config = config(configMap.getData());
    final Path privateKey = Path.of(config.getString(AlipayConfigDef.PRIVATE_KEY_FILE_CONFIG));
    final Path publicKey = Path.of(config.getString(AlipayConfigDef.PUBLIC_KEY_FILE_CONFIG));
    final Secret example = parse(Path.of("overlays/dev/secret.yaml"), Secret.class);

    // when
    final VolumeMount keys = mountAt(privateKey.getParent().toString());
    final Volume volume = volume(keys.getName());

    // then
    assertThat(publicKey.getParent()).isEqualTo(privateKey.getParent());
    assertThat(keys.getReadOnly()).isTrue();
    assertThat(volume.getSecret().getSecretName()).isEqualTo(example.getMetadata().getName());
    assertThat(example.getStringData().keySet())
        .containsExactlyInAnyOrder(
            privateKey.getFileName().toString(), publicKey.getFileName().toString());
    assertThat(example.getStringData().values())
        .allSatisfy(v -> assertThat(v).contains("REPLACE_WITH_"));
  }

  @Test
  void shouldRunAsNonRootWithAReadOnlyRootFilesystemAndNoCapabilities() {
    // given
    final String dockerfileUser =
        DeployFiles.text(DeployFiles.file("Dockerfile"))
            .lines()
            .filter(line -> line.startsWith("USER "))
            .findFirst()
            .orElseThrow();
    final String stateDir = configMap.getData().get("NOTIFIER_KAFKA_STATE_DIR");

    // then
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(dockerfileUser)
        .isEqualTo(
            "USER "
                + pod.getSecurityContext().getRunAsUser()
                + ":"
                + pod.getSecurityContext().getRunAsGroup());
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(mountAt(stateDir)).isNotNull();
    assertThat(volume(mountAt("/tmp").getName()).getEmptyDir()).isNotNull();
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
  }

  @Test
  void shouldGiveGracefulShutdownMoreTimeThanTheServiceNeeds() {
    // given
    final NotifierConfig config = config(configMap.getData());

    // when
    final long shutdownSeconds =
        Durations.parse(config.getString(FlowConfigDef.SHUTDOWN_TIMEOUT_CONFIG)).toSeconds();

    // then: in-flight calls get shutdown.timeout, then Kafka Streams still has to close and commit
    assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(shutdownSeconds + 15);
  }

  @Test
  void shouldRequestResourcesAndRunSeveralReplicasReplacedOneAtATime() {
    // then
    assertThat(workload.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
    assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(container.getResources().getLimits()).containsKey("memory");
    assertThat(workload.getSpec().getPodManagementPolicy()).isEqualTo("OrderedReady");
    assertThat(workload.getSpec().getUpdateStrategy().getType()).isEqualTo("RollingUpdate");
  }

  @Test
  void shouldSelectTheWorkloadPodsFromServiceDisruptionBudgetAndNetworkPolicy() {
    // given
    final Map<String, String> podLabels =
        workload.getSpec().getTemplate().getMetadata().getLabels();
    final Service service = parse(BASE.resolve("service.yaml"), Service.class);
    final PodDisruptionBudget pdb =
        parse(BASE.resolve("poddisruptionbudget.yaml"), PodDisruptionBudget.class);
    final NetworkPolicy policy = parse(BASE.resolve("networkpolicy.yaml"), NetworkPolicy.class);

    // then
    assertThat(podLabels).containsAllEntriesOf(workload.getSpec().getSelector().getMatchLabels());
    assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
    assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
    assertThat(podLabels).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
    assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("ops");
    assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
  }

  @Test
  void shouldLetPrometheusScrapeTheMetricsServiceOnTheOpsPort() {
    // given
    final Service service = parse(BASE.resolve("service.yaml"), Service.class);
    final Map<String, Object> monitor =
        KubernetesModel.generic(BASE.resolve("servicemonitor.yaml"));

    // when
    final Map<String, Object> spec = map(monitor.get("spec"));
    final Map<String, Object> endpoint = map(list(spec.get("endpoints")).get(0));

    // then
    assertThat(KubernetesModel.typeOf(monitor))
        .isEqualTo("monitoring.coreos.com/v1/ServiceMonitor");
    assertThat(service.getMetadata().getLabels())
        .containsAllEntriesOf(stringMap(map(spec.get("selector")).get("matchLabels")));
    assertThat(endpoint.get("port")).isEqualTo(service.getSpec().getPorts().get(0).getName());
    assertThat(endpoint.get("path")).isEqualTo(OpsServer.METRICS_PATH);
  }

  @Test
  void shouldAllowEgressOnlyToDnsKafkaTheRegistryAndAlipay() {
    // given
    final NetworkPolicy policy = parse(BASE.resolve("networkpolicy.yaml"), NetworkPolicy.class);
    final NotifierConfig config = config(configMap.getData());

    // when
    final List<Integer> egressPorts =
        policy.getSpec().getEgress().stream()
            .flatMap(rule -> rule.getPorts().stream())
            .map(NetworkPolicyPort::getPort)
            .map(port -> port.getIntVal())
            .distinct()
            .toList();

    // then
    assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress", "Egress");
    assertThat(egressPorts).containsExactlyInAnyOrder(53, 9092, 8081, 443);
    assertThat(config.getString("kafka.bootstrap.servers")).endsWith(":9092");
    assertThat(config.getString("schema.registry.url")).endsWith(":8081");
    assertThat(config.getString(AlipayConfigDef.BASE_URL_CONFIG)).startsWith("https://");
    assertThat(policy.getSpec().getIngress().get(0).getPorts().get(0).getPort().getIntVal())
        .isEqualTo(DeployFiles.defaultOpsPort());
  }

  @Test
  void shouldScaleOnTheConsumerLagOfTheStreamsGroupWithKeda() {
    // given
    final NotifierConfig config = config(configMap.getData());
    final Map<String, Object> scaled =
        KubernetesModel.generic(Path.of("components/keda/scaledobject.yaml"));

    // when
    final Map<String, Object> spec = map(scaled.get("spec"));
    final Map<String, Object> trigger = map(list(spec.get("triggers")).get(0));
    final Map<String, Object> metadata = map(trigger.get("metadata"));

    // then
    assertThat(map(spec.get("scaleTargetRef")))
        .containsEntry("apiVersion", workload.getApiVersion())
        .containsEntry("kind", workload.getKind())
        .containsEntry("name", workload.getMetadata().getName());
    assertThat(trigger.get("type")).isEqualTo("kafka");
    assertThat(metadata.get("consumerGroup")).isEqualTo(config.getString("kafka.application.id"));
    assertThat(metadata.get("topic")).isEqualTo(config.topics().input());
    assertThat(metadata.get("bootstrapServers"))
        .isEqualTo(config.getString("kafka.bootstrap.servers"));
    assertThat((Integer) spec.get("maxReplicaCount"))
        .isGreaterThanOrEqualTo((Integer) spec.get("minReplicaCount"));
  }

  @Test
  void shouldOfferAnHpaOnCpuAsTheAlternativeToKeda() {
    // given
    final HorizontalPodAutoscaler hpa =
        parse(Path.of("components/hpa-cpu/hpa.yaml"), HorizontalPodAutoscaler.class);

    // then
    assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo(workload.getKind());
    assertThat(hpa.getSpec().getScaleTargetRef().getName())
        .isEqualTo(workload.getMetadata().getName());
    assertThat(hpa.getSpec().getMetrics().get(0).getResource().getName()).isEqualTo("cpu");
    assertThat(hpa.getSpec().getMaxReplicas())
        .isGreaterThanOrEqualTo(hpa.getSpec().getMinReplicas());
  }

  @Test
  void shouldRunOnePodInDevAndThreeInProd() {
    // when
    final StatefulSet dev =
        parse(Path.of("overlays/dev/statefulset-patch.yaml"), StatefulSet.class);
    final StatefulSet prod =
        parse(Path.of("overlays/prod/statefulset-patch.yaml"), StatefulSet.class);

    // then
    assertThat(dev.getSpec().getReplicas()).isEqualTo(1);
    assertThat(prod.getSpec().getReplicas()).isEqualTo(3);
    assertThat(prod.getSpec().getTemplate().getSpec().getContainers().get(0).getName())
        .isEqualTo(container.getName());
  }

  private NotifierConfig config(final Map<String, String> env) {
    return new NotifierConfig(ConfigLoader.fromEnvironment(env));
  }

  /** The base ConfigMap with the overlay's patch applied, as kustomize merges data. */
  private Map<String, String> overlayConfig(final String overlay) {
    final Map<String, String> merged = new TreeMap<>(configMap.getData());
    merged.putAll(
        parse(Path.of("overlays", overlay, "configmap-patch.yaml"), ConfigMap.class).getData());
    return merged;
  }

  private VolumeMount mountAt(final String path) {
    return container.getVolumeMounts().stream()
        .filter(m -> m.getMountPath().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("nothing is mounted at " + path));
  }

  private Volume volume(final String name) {
    return pod.getVolumes().stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + name));
  }

  private static Map<String, String> stringMap(final Object value) {
    return map(value).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
  }
}
