package io.paymentnotifier.deploy;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The k8s/ tree rendered by the real {@code kubectl kustomize}, as the cluster would receive it:
 * each variant's objects, parsed once per test JVM.
 */
final class Kustomize {

  static final String BASE = "base";
  static final String DEV = "overlays/dev";
  static final String PROD = "overlays/prod";

  /** The HPA on CPU in place of KEDA, as the prod kustomization's comment offers. */
  static final String BASE_WITH_HPA = "base with components/hpa-cpu";

  /** Every way the tree is meant to be applied. */
  static final List<String> VARIANTS = List.of(BASE, DEV, PROD, BASE_WITH_HPA);

  /** Components need kustomize v3.7; v5 is what the files are checked with. */
  static final int MIN_KUSTOMIZE_MAJOR = 5;

  private static final Pattern KUSTOMIZE_VERSION =
      Pattern.compile("\"kustomizeVersion\"\\s*:\\s*\"v?(\\d+)\\.([^\"]*)\"");
  private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

  private Kustomize() {}

  /** The variant's objects as {@code kubectl kustomize} prints them. */
  static List<Map<String, Object>> render(final String variant) {
    return RENDERED.computeIfAbsent(variant, Kustomize::renderNow);
  }

  private static List<Map<String, Object>> renderNow(final String variant) {
    requireKustomizeV5();
    final String yaml =
        Tools.KUBECTL
            .run(DeployFiles.ROOT, "kustomize", directoryOf(variant))
            .requireSuccess()
            .stdout();
    return DeployFiles.yamlDocuments(yaml);
  }

  /** Fails, naming what to install, when kubectl's kustomize is too old to render k8s/. */
  static void requireKustomizeV5() {
    requireKustomizeV5(
        Tools.KUBECTL
            .run(DeployFiles.ROOT, "version", "--client", "-o", "json")
            .requireSuccess()
            .stdout());
  }

  /** The same, on the output of {@code kubectl version --client -o json}. */
  static void requireKustomizeV5(final String versionJson) {
    final Matcher matcher = KUSTOMIZE_VERSION.matcher(versionJson);
    final boolean found = matcher.find();
    if (!found || Integer.parseInt(matcher.group(1)) < MIN_KUSTOMIZE_MAJOR) {
      final String embedded =
          found
              ? "kustomize v" + matcher.group(1) + "." + matcher.group(2)
              : "a kustomize older than v4 (its version command names none)";
      fail(
          "kubectl embeds %s; k8s/ needs kustomize v%d or later. Install %s",
          embedded, MIN_KUSTOMIZE_MAJOR, Tools.KUBECTL.install());
    }
  }

  /** A path relative to the project folder, which kustomize resolves itself. */
  private static String directoryOf(final String variant) {
    if (!variant.equals(BASE_WITH_HPA)) {
      return DeployFiles.ROOT.relativize(KubernetesModel.K8S.resolve(variant)).toString();
    }
    try {
      // kustomize takes only relative paths to other kustomizations.
      final Path dir = Files.createTempDirectory("kustomize-hpa-cpu");
      final Path k8s = dir.relativize(KubernetesModel.K8S);
      Files.writeString(
          dir.resolve(KubernetesModel.KUSTOMIZATION),
          String.join(
              "\n",
              "apiVersion: kustomize.config.k8s.io/v1beta1",
              "kind: Kustomization",
              "resources:",
              "  - " + k8s.resolve(BASE),
              "components:",
              "  - " + k8s.resolve("components/hpa-cpu"),
              ""));
      return dir.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
