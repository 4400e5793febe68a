package io.paymentnotifier.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.paymentnotifier.config.ConfigLoader;
import io.paymentnotifier.config.KafkaConfigDef;
import io.paymentnotifier.config.OpsConfigDef;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What keeps a crash, a reschedule or a rolling update cheap in k8s: each pod a stable name (its
 * static group member id) and a volume of its own for the Streams state, standbys for the loss of a
 * volume, and volumes sized from the README's capacity table.
 */
class KubernetesStateTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final StatefulSet workload = read("base/statefulset.yaml", StatefulSet.class);
  private final Container container =
      workload.getSpec().getTemplate().getSpec().getContainers().get(0);
  private final Map<String, String> settings =
      ConfigLoader.fromEnvironment(read("base/configmap.yaml", ConfigMap.class).getData());

  @Test
  void shouldKeepTheStreamsStateOnAVolumeClaimedPerPod() {
    // given
    final String stateDir = settings.get(KafkaConfigDef.PREFIX + "state.dir");

    // when
    final VolumeMount mount =
        container.getVolumeMounts().stream()
            .filter(m -> m.getMountPath().equals(stateDir))
            .findFirst()
            .orElseThrow(() -> new AssertionError("nothing mounted at " + stateDir));
    final PersistentVolumeClaim claim = claim(workload, mount.getName());

    // then: not a pod volume (emptyDir dies with the pod) but a claim that outlives it
    assertThat(workload.getSpec().getTemplate().getSpec().getVolumes())
        .noneMatch(v -> v.getName().equals(mount.getName()));
    assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
    assertThat(workload.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenScaled())
        .isEqualTo("Retain");
    assertThat(workload.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted())
        .isEqualTo("Retain");
  }

  @Test
  void shouldNameEachInstanceAfterItsPodForStaticMembership() {
    // when
    final EnvVar instanceId =
        container.getEnv().stream()
            .filter(
                e -> e.getName().equals(ConfigLoader.envForKey(KafkaConfigDef.INSTANCE_ID_CONFIG)))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no NOTIFIER_INSTANCE_ID"));

    // then
    assertThat(instanceId.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
    assertThat(settings).doesNotContainKey(KafkaConfigDef.INSTANCE_ID_CONFIG);
  }

  @Test
  void shouldAdvertiseThePodAddressForForwardedStatusLookups() {
    // when
    final Map<String, EnvVar> env = new java.util.HashMap<>();
    container.getEnv().forEach(e -> env.put(e.getName(), e));
    final EnvVar advertised = env.get(ConfigLoader.envForKey(OpsConfigDef.ADVERTISED_HOST_CONFIG));

    // then: the pod IP, set before the variable that refers to it
    assertThat(advertised).as("NOTIFIER_OPS_ADVERTISED_HOST").isNotNull();
    assertThat(advertised.getValue()).isEqualTo("$(POD_IP)");
    assertThat(env.get("POD_IP").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("status.podIP");
    assertThat(container.getEnv().indexOf(env.get("POD_IP")))
        .isLessThan(container.getEnv().indexOf(advertised));
  }

  @Test
  void shouldKeepAWarmStandbyOfEveryTaskOnAnotherPod() {
    // then
    assertThat(Integer.parseInt(settings.get(KafkaConfigDef.PREFIX + "num.standby.replicas")))
        .isGreaterThanOrEqualTo(1);
    assertThat(workload.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void shouldSizeTheStateVolumesFromTheCapacityTable() {
    // given
    final StatefulSet prod = read("overlays/prod/statefulset-patch.yaml", StatefulSet.class);
    final StatefulSet dev = read("overlays/dev/statefulset-patch.yaml", StatefulSet.class);

    // then: see README, Capacity (100 payments/s, a 7-day dedup window; prod keeps the base's)
    assertThat(storage(workload)).isEqualTo(new Quantity("30Gi"));
    assertThat(prod.getSpec().getVolumeClaimTemplates()).isEmpty();
    assertThat(storage(dev)).isEqualTo(new Quantity("1Gi"));
  }

  private static Quantity storage(final StatefulSet set) {
    return claim(set, "state").getSpec().getResources().getRequests().get("storage");
  }

  private static PersistentVolumeClaim claim(final StatefulSet set, final String name) {
    return set.getSpec().getVolumeClaimTemplates().stream()
        .filter(c -> c.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume claim template " + name));
  }

  private static <T> T read(final String relative, final Class<T> type) {
    return JSON.convertValue(DeployFiles.yaml(KubernetesModel.K8S.resolve(relative)), type);
  }
}
