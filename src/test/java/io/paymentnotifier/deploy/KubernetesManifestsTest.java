package io.paymentnotifier.deploy;

import static io.paymentnotifier.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.paymentnotifier.config.AlipayConfigDef;
import io.paymentnotifier.config.ConfigLoader;
import io.paymentnotifier.config.Durations;
import io.paymentnotifier.config.FlowConfigDef;
import io.paymentnotifier.config.NotifierConfig;
import io.paymentnotifier.ops.OpsServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No cluster runs here: each variant of k8s/ is rendered by the real {@code kubectl kustomize},
 * every object is turned into a fabric8 Kubernetes model object (custom resources stay YAML), and
 * the workload's pods are checked against what the application expects.
 */
class KubernetesManifestsTest {

  static List<String> variants() {
    return Kustomize.VARIANTS;
  }

  @ParameterizedTest
  @MethodSource("variants")
  void shouldRenderOnlyKubernetesModelObjectsWithoutUnknownFields(final String variant) {
    // when
    final List<Map<String, Object>> documents = Kustomize.render(variant);

    // then
    assertThat(documents).as(variant).isNotEmpty();
    for (final Map<String, Object> document : documents) {
      final String type = KubernetesModel.typeOf(document);
      final String where = variant + ": " + type + " " + RenderedObjects.name(document);
      if (KubernetesModel.CUSTOM_TYPES.contains(type)) {
        assertThat(map(document.get("metadata"))).as(where).containsKey("name");
        continue;
      }
      assertThat(KubernetesModel.MODEL_TYPES).as(where).containsKey(type);
      assertThat(KubernetesModel.unknownFields(KubernetesModel.toModel(document)))
          .as(where)
          .isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("variants")
  void shouldProbeTheOpsEndpointsOnTheOpsPort(final String variant) {
    // given
    final RenderedObjects objects = RenderedObjects.of(variant);
    final Container container = objects.container();

    // when
    final int opsPort = container.getPorts().get(0).getContainerPort();

    // then
    assertThat(container.getPorts().get(0).getName()).isEqualTo("ops");
    assertThat(opsPort).isEqualTo(DeployFiles.defaultOpsPort());
    assertThat(config(objects).getInt("ops.port")).isEqualTo(opsPort);
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo(OpsServer.LIVE_PATH);
    assertThat(container.getReadinessProbe().getHttpGet().getPath())
        .isEqualTo(OpsServer.READY_PATH);
    assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo(OpsServer.LIVE_PATH);
    assertThat(container.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("ops");
    assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("ops");
  }

  @ParameterizedTest
  @MethodSource("variants")
  void shouldConfigureTheServiceFromItsConfigMapWithKnownSettingsOnly(final String variant) {
    // given
    final RenderedObjects objects = RenderedObjects.of(variant);

    // when
    final Map<String, String> data = objects.configMap().getData();

    // then
    assertThat(objects.container().getArgs()).containsExactly("run");
    assertThat(data.keySet())
        .allSatisfy(name -> assertThat(DeployFiles.isKnownSetting(name)).as(name).isTrue());
    assertThatCode(() -> config(objects)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @MethodSource("variants")
  void shouldMountTheKeysFromASecretAsReadOnlyFilesWhereTheConfigLooksForThem(
      final String variant) {
    // given
    final RenderedObjects objects = RenderedObjects.of(variant);
    final NotifierConfig config = config(objects);
    final Path privateKey = Path.of(config.getString(AlipayConfigDef.PRIVATE_KEY_FILE_CONFIG));
    final Path publicKey = Path.of(config.getString(AlipayConfigDef.PUBLIC_KEY_FILE_CONFIG));

    // when
    final VolumeMount keys = mountAt(objects.container(), privateKey.getParent().toString());
    final Volume volume = volume(objects.pod(), keys.getName());

    // then: the Secret comes from real files; the dev overlay's example holds placeholders only
    assertThat(publicKey.getParent()).isEqualTo(privateKey.getParent());
    assertThat(keys.getReadOnly()).isTrue();
    assertThat(volume.getSecret().getSecretName()).isEqualTo("payment-notifier-keys");
    for (final Secret secret : objects.all(Secret.class)) {
      assertThat(secret.getMetadata().getName()).isEqualTo(volume.getSecret().getSecretName());
      assertThat(secret.getStringData().keySet())
          .containsExactlyInAnyOrder(
              privateKey.getFileName().toString(), publicKey.getFileName().toString());
      assertThat(secret.getStringData().values())
          .allSatisfy(v -> assertThat(v).contains("REPLACE_WITH_"));
    }
    assertThat(objects.all(Secret.class)).hasSize(variant.equals(Kustomize.DEV) ? 1 : 0);
  }

  @ParameterizedTest
  @MethodSource("variants")
  void shouldRunAsNonRootWithAReadOnlyRootFilesystemAndNoCapabilities(final String variant) {
    // given
    final RenderedObjects objects = RenderedObjects.of(variant);
    final PodSpec pod = objects.pod();
    final Container container = objects.container();
    final String dockerfileUser =
        DeployFiles.text(DeployFiles.file("Dockerfile"))
            .lines()
            .filter(line -> line.startsWith("USER "))
            .findFirst()
            .orElseThrow();
    final String stateDir = objects.configMap().getData().get("NOTIFIER_KAFKA_STATE_DIR");

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
    assertThat(mountAt(container, stateDir)).isNotNull();
    assertThat(volume(pod, mountAt(container, "/tmp").getName()).getEmptyDir()).isNotNull();
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
  }

  @ParameterizedTest
  @MethodSource("variants")
  void shouldGiveGracefulShutdownMoreTimeThanTheServiceNeeds(final String variant) {
    // given
    final RenderedObjects objects = RenderedObjects.of(variant);

    // when
    final long shutdownSeconds =
        Durations.parse(config(objects).getString(FlowConfigDef.SHUTDOWN_TIMEOUT_CONFIG))
            .toSeconds();

    // then: in-flight calls get shutdown.timeout, then Kafka Streams still has to close and commit
    assertThat(objects.pod().getTerminationGracePeriodSeconds())
        .isGreaterThanOrEqualTo(shutdownSeconds + 15);
  }

  @ParameterizedTest
  @MethodSource("variants")
  void shouldRequestResourcesAndReplaceOnePodAtATime(final String variant) {
    // given
    final RenderedObjects objects = RenderedObjects.of(variant);
    final Container container = objects.container();

    // then
    assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(container.getResources().getLimits()).containsKey("memory");
    assertThat(replacesOnePodAtATime(objects)).as(variant).isTrue();
  }

  @ParameterizedTest
  @MethodSource("variants")
  void shouldRunSeveralPodsInTheBaseOneInDevAndThreeInProd(final String variant) {
    // when
    final int replicas = RenderedObjects.of(variant).replicas();

    // then
    switch (variant) {
      case Kustomize.DEV -> assertThat(replicas).isEqualTo(1);
      case Kustomize.PROD -> assertThat(replicas).isEqualTo(3);
      default -> assertThat(replicas).isGreaterThanOrEqualTo(2);
    }
  }

  /** Each change of membership is a rebalance: a rolling update takes one pod at a time. */
  private static boolean replacesOnePodAtATime(final RenderedObjects objects) {
    final Map<String, Object> workload = objects.workload();
    return switch (objects.workloadKind()) {
      case "Deployment" ->
          KubernetesModel.convert(workload, Deployment.class)
                  .getSpec()
                  .getStrategy()
                  .getRollingUpdate()
                  .getMaxUnavailable()
                  .getIntVal()
              == 0;
      // OrderedReady (the default) with RollingUpdate replaces one pod, then waits for it.
      case "StatefulSet" -> {
        final StatefulSet set = KubernetesModel.convert(workload, StatefulSet.class);
        final String policy = set.getSpec().getPodManagementPolicy();
        final String strategy =
            set.getSpec().getUpdateStrategy() == null
                ? null
                : set.getSpec().getUpdateStrategy().getType();
        yield (policy == null || policy.equals("OrderedReady"))
            && (strategy == null || strategy.equals("RollingUpdate"));
      }
      default -> false;
    };
  }

  static NotifierConfig config(final RenderedObjects objects) {
    return new NotifierConfig(ConfigLoader.fromEnvironment(objects.configMap().getData()));
  }

  private static VolumeMount mountAt(final Container container, final String path) {
    return container.getVolumeMounts().stream()
        .filter(m -> m.getMountPath().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("nothing is mounted at " + path));
  }

  private static Volume volume(final PodSpec pod, final String name) {
    return pod.getVolumes().stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + name));
  }
}
