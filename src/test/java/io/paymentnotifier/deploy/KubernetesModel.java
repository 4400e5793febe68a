package io.paymentnotifier.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The k8s/ manifests as fabric8 Kubernetes model objects; custom resources (KEDA, Prometheus
 * Operator) stay generic YAML, their CRDs not being part of the model.
 */
final class KubernetesModel {

  static final Path K8S = DeployFiles.file("k8s");
  static final String KUSTOMIZATION = "kustomization.yaml";

  static final Map<String, Class<?>> MODEL_TYPES =
      Map.of(
          "apps/v1/Deployment", Deployment.class,
          "apps/v1/StatefulSet", StatefulSet.class,
          "v1/ConfigMap", ConfigMap.class,
          "v1/Secret", Secret.class,
          "v1/Service", Service.class,
          "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
          "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
          "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

  static final Set<String> CUSTOM_TYPES =
      Set.of("keda.sh/v1alpha1/ScaledObject", "monitoring.coreos.com/v1/ServiceMonitor");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

  private KubernetesModel() {}

  /** Every manifest file under k8s/, kustomization files excluded. */
  static List<Path> manifests() {
    return yamlFiles().stream()
        .filter(p -> !p.getFileName().toString().equals(KUSTOMIZATION))
        .toList();
  }

  static List<Path> kustomizations() {
    return yamlFiles().stream()
        .filter(p -> p.getFileName().toString().equals(KUSTOMIZATION))
        .toList();
  }

  static String typeOf(final Map<String, Object> document) {
    return document.get("apiVersion") + "/" + document.get("kind");
  }

  static <T> T parse(final Path relative, final Class<T> type) {
    return JSON.convertValue(DeployFiles.yaml(K8S.resolve(relative)), type);
  }

  static Map<String, Object> generic(final Path relative) {
    return DeployFiles.yaml(K8S.resolve(relative));
  }

  static Object toModel(final Map<String, Object> document) {
    return JSON.convertValue(document, MODEL_TYPES.get(typeOf(document)));
  }

  /**
   * Paths of fields the model did not know (they land in additionalProperties): a misspelt field
   * like readinesProbe parses, but Kubernetes would ignore it.
   */
  static List<String> unknownFields(final Object model) {
    final List<String> unknown = new ArrayList<>();
    collectUnknown(model, "", unknown);
    return unknown;
  }

  private static void collectUnknown(
      final Object value, final String path, final List<String> out) {
    if (value instanceof List<?> items) {
      for (int i = 0; i < items.size(); i++) {
        collectUnknown(items.get(i), path + "[" + i + "]", out);
      }
      return;
    }
    if (value instanceof Map<?, ?> entries) {
      entries.forEach((k, v) -> collectUnknown(v, path + "." + k, out));
      return;
    }
    if (value == null || !value.getClass().getName().startsWith(MODEL_PACKAGE)) {
      return;
    }
    for (final Method getter : value.getClass().getMethods()) {
      if (!isGetter(getter)) {
        continue;
      }
      final Object child = invoke(getter, value);
      if (getter.getName().equals("getAdditionalProperties")) {
        ((Map<?, ?>) child).keySet().forEach(k -> out.add(path + "." + k));
      } else {
        collectUnknown(child, path + "." + getter.getName().substring(3), out);
      }
    }
  }

  private static boolean isGetter(final Method method) {
    return method.getName().startsWith("get")
        && method.getParameterCount() == 0
        && !Modifier.isStatic(method.getModifiers())
        && !method.getName().equals("getClass");
  }

  private static Object invoke(final Method getter, final Object target) {
    try {
      return getter.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(getter.toString(), e);
    }
  }

  private static List<Path> yamlFiles() {
    try (Stream<Path> files = Files.walk(K8S)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
