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

/**
 * The kustomize tree's shape. Whether every reference resolves and every patch finds its target is
 * the real {@code kubectl kustomize}'s verdict (see {@link Kustomize}); this checks what kustomize
 * does not: that no file is left out and that the overlays build what the README says.
 */
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
  void shouldRenderEveryKustomizationWithTheRealKustomize() {
    // when
    final Set<String> rendered = new HashSet<>();
    for (final String variant : Kustomize.VARIANTS) {
      Kustomize.render(variant)
          .forEach(d -> rendered.add(d.get("kind") + "/" + RenderedObjects.name(d)));
    }

    // then: every resource file of the tree ends up in some variant
    for (final Path resource : resourceFiles()) {
      for (final Map<String, Object> document : DeployFiles.yamlDocuments(resource)) {
        assertThat(rendered)
            .as(resource.toString())
            .contains(document.get("kind") + "/" + RenderedObjects.name(document));
      }
    }
    assertThat(resourceFiles()).hasSizeGreaterThanOrEqualTo(10);
  }

  @Test
  void shouldLeaveNoFileOutOfItsKustomization() throws Exception {
    for (final Path kustomization : KubernetesModel.kustomizations()) {
      final Path dir = kustomization.getParent();
      final Set<Path> referenced = new HashSet<>();
      references(DeployFiles.yaml(kustomization))
          .forEach(r -> referenced.add(dir.resolve(r).normalize()));
      try (var files = Files.walk(dir)) {
        for (final Path file : files.filter(Files::isRegularFile).toList()) {
          if (!file.equals(kustomization) && isOwnFile(dir, file)) {
            assertThat(referenced)
                .as(kustomization + " lists " + dir.relativize(file))
                .contains(file);
          }
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

  /** A file of this kustomization's folder, not of a kustomization below it. */
  private static boolean isOwnFile(final Path dir, final Path file) {
    for (Path parent = file.getParent(); !parent.equals(dir); parent = parent.getParent()) {
      if (Files.exists(parent.resolve(KubernetesModel.KUSTOMIZATION))) {
        return false;
      }
    }
    return true;
  }

  /** The files listed as resources (objects, not patches) by the kustomizations. */
  private static List<Path> resourceFiles() {
    final List<Path> files = new ArrayList<>();
    for (final Path kustomization : KubernetesModel.kustomizations()) {
      final Object resources = DeployFiles.yaml(kustomization).get("resources");
      if (resources != null) {
        list(resources).stream()
            .map(r -> kustomization.getParent().resolve(String.valueOf(r)).normalize())
            .filter(Files::isRegularFile)
            .forEach(files::add);
      }
    }
    return files;
  }

  /** Files and folders a kustomization points at: resources, components, patches, generators. */
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
    if (kustomization.get("configMapGenerator") != null) {
      for (final Object generator : list(kustomization.get("configMapGenerator"))) {
        list(map(generator).get("files")).forEach(f -> references.add(String.valueOf(f)));
      }
    }
    return references;
  }
}
