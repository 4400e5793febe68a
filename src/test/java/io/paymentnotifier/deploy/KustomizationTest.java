package io.paymentnotifier.deploy;

import static io.paymentnotifier.deploy.DeployFiles.list;
import static io.paymentnotifier.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** No kustomize binary here: each kustomization's references are resolved by hand. */
class KustomizationTest {

  @Test
  void shouldHaveABaseTwoOverlaysAndBothAutoscalingComponents() {
    // when
    final List<String> found =
        KubernetesModel.kustomizations().stream()
            .map(p -> KubernetesModel.K8S.relativize(p.getParent()).toString())
            .toList();

    // then
    assertThat(found)
        .containsExactlyInAnyOrder(
            "base", "overlays/dev", "overlays/prod", "components/keda", "components/hpa-cpu");
  }

  @Test
  void shouldReferenceOnlyFilesAndFoldersThatExist() {
    for (final Path kustomization : KubernetesModel.kustomizations()) {
      final Path dir = kustomization.getParent();
      for (final String reference : references(DeployFiles.yaml(kustomization))) {
        final Path target = dir.resolve(reference).normalize();
        assertThat(
                Files.isRegularFile(target)
                    || Files.isRegularFile(target.resolve(KubernetesModel.KUSTOMIZATION)))
            .as(kustomization + " -> " + reference)
            .isTrue();
      }
    }
  }

  @Test
  void shouldLeaveNoManifestOutOfItsKustomization() {
    for (final Path kustomization : KubernetesModel.kustomizations()) {
      final Path dir = kustomization.getParent();
      final Set<Path> referenced = new HashSet<>();
      references(DeployFiles.yaml(kustomization))
          .forEach(r -> referenced.add(dir.resolve(r).normalize()));
      for (final Path manifest : KubernetesModel.manifests()) {
        if (manifest.getParent().equals(dir)) {
          assertThat(referenced)
              .as(kustomization + " lists " + manifest.getFileName())
              .contains(manifest);
        }
      }
    }
  }

  @Test
  void shouldBuildBothOverlaysOnTheBaseWithLagScalingInProd() {
    // when
    final Map<String, Object> dev =
        DeployFiles.yaml(KubernetesModel.K8S.resolve("overlays/dev/kustomization.yaml"));
    final Map<String, Object> prod =
        DeployFiles.yaml(KubernetesModel.K8S.resolve("overlays/prod/kustomization.yaml"));

    // then
    assertThat(list(dev.get("resources"))).contains("../../base", "secret.yaml");
    assertThat(list(prod.get("resources"))).containsExactly("../../base");
    assertThat(list(prod.get("components"))).containsExactly("../../components/keda");
    assertThat(prod.get("namespace")).isNotEqualTo(dev.get("namespace"));
  }

  @Test
  void shouldPatchOnlyResourcesTheBaseDefines() {
    // given
    final Set<String> baseResources = new HashSet<>();
    for (final Path manifest : KubernetesModel.manifests()) {
      if (manifest.getParent().endsWith("base")) {
        final Map<String, Object> document = DeployFiles.yaml(manifest);
        baseResources.add(document.get("kind") + "/" + map(document.get("metadata")).get("name"));
      }
    }

    // then
    for (final String overlay : List.of("dev", "prod")) {
      final Path dir = KubernetesModel.K8S.resolve("overlays").resolve(overlay);
      for (final Object patch :
          list(DeployFiles.yaml(dir.resolve(KubernetesModel.KUSTOMIZATION)).get("patches"))) {
        final Map<String, Object> target =
            DeployFiles.yaml(dir.resolve(String.valueOf(map(patch).get("path"))));
        assertThat(baseResources)
            .as(overlay + " patch " + map(patch).get("path"))
            .contains(target.get("kind") + "/" + map(target.get("metadata")).get("name"));
      }
    }
  }

  /** Files and folders a kustomization points at: resources, components and patch files. */
  private static List<String> references(final Map<String, Object> kustomization) {
    final List<String> references = new ArrayList<>();
    for (final String key : List.of("resources", "components")) {
      if (kustomization.get(key) != null) {
        list(kustomization.get(key)).forEach(r -> references.add(String.valueOf(r)));
      }
    }
    if (kustomization.get("patches") != null) {
      list(kustomization.get("patches"))
          .forEach(p -> references.add(String.valueOf(map(p).get("path"))));
    }
    return references;
  }
}
