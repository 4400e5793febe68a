package io.paymentnotifier.deploy;

import static io.paymentnotifier.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.List;
import java.util.Map;

/**
 * One variant of k8s/ as {@code kubectl kustomize} renders it, looked up by what the objects do
 * rather than by file: the workload is whichever object runs the pods (a Deployment today).
 */
final class RenderedObjects {

  static final String CONTAINER = "payment-notifier";

  private final String variant;
  private final List<Map<String, Object>> documents;

  private RenderedObjects(final String variant, final List<Map<String, Object>> documents) {
    this.variant = variant;
    this.documents = documents;
  }

  static RenderedObjects of(final String variant) {
    return new RenderedObjects(variant, Kustomize.render(variant));
  }

  String variant() {
    return variant;
  }

  List<Map<String, Object>> documents() {
    return documents;
  }

  /** The one object with a pod template, whatever its kind. */
  Map<String, Object> workload() {
    final List<Map<String, Object>> workloads =
        documents.stream()
            .filter(d -> d.get("spec") instanceof Map<?, ?> spec && spec.containsKey("template"))
            .toList();
    assertThat(workloads).as(variant + ": objects with a pod template").hasSize(1);
    return workloads.get(0);
  }

  String workloadKind() {
    return String.valueOf(workload().get("kind"));
  }

  String workloadName() {
    return name(workload());
  }

  /** spec.replicas of the workload (Deployment and StatefulSet both have it). */
  Integer replicas() {
    return (Integer) spec(workload()).get("replicas");
  }

  LabelSelector workloadSelector() {
    return KubernetesModel.convert(spec(workload()).get("selector"), LabelSelector.class);
  }

  PodTemplateSpec podTemplate() {
    return KubernetesModel.convert(spec(workload()).get("template"), PodTemplateSpec.class);
  }

  PodSpec pod() {
    return podTemplate().getSpec();
  }

  Container container() {
    return pod().getContainers().stream()
        .filter(c -> c.getName().equals(CONTAINER))
        .findFirst()
        .orElseThrow(() -> new AssertionError(variant + ": no container " + CONTAINER));
  }

  /** The ConfigMap the container takes its environment from. */
  ConfigMap configMap() {
    final String name = container().getEnvFrom().get(0).getConfigMapRef().getName();
    return one(ConfigMap.class, name);
  }

  /** The object of this model type and name; fails when there is none or several. */
  <T> T one(final Class<T> type, final String name) {
    final List<Map<String, Object>> found =
        documents.stream().filter(d -> isType(d, type) && name.equals(name(d))).toList();
    assertThat(found).as(variant + ": " + type.getSimpleName() + " " + name).hasSize(1);
    return KubernetesModel.convert(found.get(0), type);
  }

  /** Every object of this model type. */
  <T> List<T> all(final Class<T> type) {
    return documents.stream()
        .filter(d -> isType(d, type))
        .map(d -> KubernetesModel.convert(d, type))
        .toList();
  }

  /** The one custom resource of this type (apiVersion/kind), as plain YAML. */
  Map<String, Object> custom(final String type) {
    final List<Map<String, Object>> found =
        documents.stream().filter(d -> KubernetesModel.typeOf(d).equals(type)).toList();
    assertThat(found).as(variant + ": " + type).hasSize(1);
    return found.get(0);
  }

  boolean has(final String type) {
    return documents.stream().anyMatch(d -> KubernetesModel.typeOf(d).equals(type));
  }

  static Map<String, Object> spec(final Map<String, Object> document) {
    return map(document.get("spec"));
  }

  static String name(final Map<String, Object> document) {
    return String.valueOf(map(document.get("metadata")).get("name"));
  }

  private static boolean isType(final Map<String, Object> document, final Class<?> type) {
    return type.equals(KubernetesModel.MODEL_TYPES.get(KubernetesModel.typeOf(document)));
  }
}
