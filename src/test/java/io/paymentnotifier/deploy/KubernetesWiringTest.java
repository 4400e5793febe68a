package io.paymentnotifier.deploy;

import static io.paymentnotifier.deploy.DeployFiles.list;
import static io.paymentnotifier.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.paymentnotifier.config.AlipayConfigDef;
import io.paymentnotifier.config.NotifierConfig;
import io.paymentnotifier.ops.OpsServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How the rendered objects of each k8s/ variant find each other: selectors, scrape and scaling
 * targets, network paths to what the config names, namespaces, and the monitoring they ship.
 */
class KubernetesWiringTest {

  private static final int DNS_PORT = 53;
  private static final int HTTPS_PORT = 443;
  private static final String MONITORING = "monitoring.coreos.com/v1/";

  static List<String> variants() {
    return Kustomize.VARIANTS;
  }

  @ParameterizedTest
  @MethodSource("variants")
  void shouldSelectTheWorkloadPodsFromServiceDisruptionBudgetAndNetworkPolicy(
      final String variant) {
    // given
    final RenderedObjects objects = RenderedObjects.of(variant);
    final Map<String, String> podLabels = objects.podTemplate().getMetadata().getLabels();
    final Service service = objects.one(Service.class, "payment-notifier-ops");
    final PodDisruptionBudget pdb = objects.one(PodDisruptionBudget.class, "payment-notifier");
    final NetworkPolicy policy = objects.one(NetworkPolicy.class, "payment-notifier");

    // then
    assertThat(podLabels).containsAllEntriesOf(objects.workloadSelector().getMatchLabels());
    assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
    assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
    assertThat(podLabels).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
    assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("ops");
    assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("variants")
  void shouldLetPrometheusScrapeTheMetricsServiceOnTheOpsPort(final String variant) {
    // given
    final RenderedObjects objects = RenderedObjects.of(variant);
    final Service service = objects.one(Service.class, "payment-notifier-ops");
    final Map<String, Object> monitor = objects.custom(MONITORING + "ServiceMonitor");

    // when
    final Map<String, Object> spec = RenderedObjects.spec(monitor);
    final Map<String, Object> endpoint = map(list(spec.get("endpoints")).get(0));

    // then
    assertThat(service.getMetadata().getLabels())
        .containsAllEntriesOf(stringMap(map(spec.get("selector")).get("matchLabels")));
    assertThat(endpoint.get("port")).isEqualTo(service.getSpec().getPorts().get(0).getName());
    assertThat(endpoint.get("path")).isEqualTo(OpsServer.METRICS_PATH);
    assertThat(
            objects.one(NetworkPolicy.class, "payment-notifier").getSpec().getIngress().stream()
                .flatMap(rule -> rule.getPorts().stream())
                .map(port -> port.getPort().getIntVal()))
        .containsExactly(DeployFiles.defaultOpsPort());
  }

  @ParameterizedTest
  @MethodSource("variants")
  void shouldAllowEgressToEveryEndpointTheConfigNamesAndNothingElse(final String variant) {
    // given
    final RenderedObjects objects = RenderedObjects.of(variant);
    final NetworkPolicy policy = objects.one(NetworkPolicy.class, "payment-notifier");
    final NotifierConfig config = KubernetesManifestsTest.config(objects);
    final List<URI> endpoints = endpoints(config);
    final int opsPort = config.getInt("ops.port");
    // notifyUrl of an event may name any https host, DNS resolves the rest, and a payment status
    // lookup is forwarded to the ops port of the pod holding the payment
    final Set<Integer> allowed = new HashSet<>(Set.of(DNS_PORT, HTTPS_PORT, opsPort));
    endpoints.forEach(endpoint -> allowed.add(endpoint.getPort()));

    // then
    assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress", "Egress");
    assertThat(endpoints).hasSize(3);
    for (final URI endpoint : endpoints) {
      assertThat(policy.getSpec().getEgress())
          .as(variant + ": egress to " + endpoint)
          .anyMatch(rule -> admits(rule, endpoint, policy.getMetadata().getNamespace()));
    }
    assertThat(policy.getSpec().getEgress())
        .as(variant + ": egress to the other notifier pods' ops port")
        .anyMatch(rule -> reachesOwnPods(rule, policy, opsPort));
    assertThat(
            policy.getSpec().getEgress().stream()
                .flatMap(rule -> rule.getPorts().stream())
                .map(port -> port.getPort().getIntVal()))
        .isSubsetOf(allowed)
        .contains(DNS_PORT);
  }

  @ParameterizedTest
  @MethodSource("variants")
  void shouldPutEveryObjectOfAnOverlayIntoItsNamespace(final String variant) {
    // given
    final Object namespace =
        variant.startsWith("overlays/")
            ? DeployFiles.yaml(
                    KubernetesModel.K8S.resolve(variant).resolve(KubernetesModel.KUSTOMIZATION))
                .get("namespace")
            : null;

    // then: the base and its variants leave the namespace to kubectl apply -n
    for (final Map<String, Object> document : Kustomize.render(variant)) {
      assertThat(map(document.get("metadata")).get("namespace"))
          .as(variant + ": " + RenderedObjects.name(document))
          .isEqualTo(namespace);
    }
  }

  @Test
  void shouldScaleTheWorkloadOnTheConsumerLagOfTheStreamsGroupWithKedaInProd() {
    // given
    final RenderedObjects prod = RenderedObjects.of(Kustomize.PROD);
    final NotifierConfig config = KubernetesManifestsTest.config(prod);
    final Map<String, Object> scaled = prod.custom("keda.sh/v1alpha1/ScaledObject");

    // when
    final Map<String, Object> spec = RenderedObjects.spec(scaled);
    final Map<String, Object> target = map(spec.get("scaleTargetRef"));
    final Map<String, Object> trigger = map(list(spec.get("triggers")).get(0));
    final Map<String, Object> metadata = map(trigger.get("metadata"));

    // then: KEDA's scaleTargetRef.kind defaults to Deployment
    assertThat(target.get("name")).isEqualTo(prod.workloadName());
    assertThat(target.getOrDefault("kind", "Deployment")).isEqualTo(prod.workloadKind());
    assertThat(trigger.get("type")).isEqualTo("kafka");
    assertThat(metadata.get("consumerGroup")).isEqualTo(config.getString("kafka.application.id"));
    assertThat(metadata.get("topic")).isEqualTo(config.topics().input());
    assertThat(metadata.get("bootstrapServers"))
        .isEqualTo(config.getString("kafka.bootstrap.servers"));
    assertThat((Integer) spec.get("maxReplicaCount"))
        .isGreaterThanOrEqualTo((Integer) spec.get("minReplicaCount"));
    assertThat(prod.all(HorizontalPodAutoscaler.class)).isEmpty();
  }

  @Test
  void shouldScaleTheWorkloadOnCpuWithTheHpaAlternative() {
    // given
    final RenderedObjects objects = RenderedObjects.of(Kustomize.BASE_WITH_HPA);

    // when
    final HorizontalPodAutoscaler hpa =
        objects.one(HorizontalPodAutoscaler.class, "payment-notifier");

    // then
    assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo(objects.workloadKind());
    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(objects.workloadName());
    assertThat(hpa.getSpec().getMetrics().get(0).getResource().getName()).isEqualTo("cpu");
    assertThat(hpa.getSpec().getMaxReplicas())
        .isGreaterThanOrEqualTo(hpa.getSpec().getMinReplicas());
    assertThat(objects.has("keda.sh/v1alpha1/ScaledObject")).isFalse();
  }

  @ParameterizedTest
  @MethodSource("variants")
  void shouldShipTheAlertRulesAndTheGrafanaDashboardInEveryVariant(final String variant)
      throws Exception {
    // given
    final RenderedObjects objects = RenderedObjects.of(variant);
    final ObjectMapper json = new ObjectMapper();

    // when
    final Map<String, Object> rule = objects.custom(MONITORING + "PrometheusRule");
    final ConfigMap dashboard = objects.one(ConfigMap.class, MonitoringFiles.DASHBOARD_CONFIG_MAP);

    // then
    assertThat(RenderedObjects.spec(rule).get("groups")).isEqualTo(MonitoringFiles.ruleGroups());
    assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    assertThat(dashboard.getData())
        .containsOnlyKeys(MonitoringFiles.DASHBOARD.getFileName().toString());
    final JsonNode shipped = json.readTree(dashboard.getData().values().iterator().next());
    assertThat(shipped).isEqualTo(MonitoringFiles.dashboard());
  }

  /** Kafka brokers, the registry and Alipay+, as host and port. */
  private static List<URI> endpoints(final NotifierConfig config) {
    final List<URI> endpoints = new ArrayList<>();
    for (final String broker : config.getString("kafka.bootstrap.servers").split(",")) {
      endpoints.add(URI.create("kafka://" + broker.trim()));
    }
    endpoints.add(withPort(URI.create(config.getString("schema.registry.url"))));
    endpoints.add(withPort(URI.create(config.getString(AlipayConfigDef.BASE_URL_CONFIG))));
    return endpoints;
  }

  private static URI withPort(final URI uri) {
    final int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    return URI.create(uri.getScheme() + "://" + uri.getHost() + ":" + port);
  }

  /**
   * Whether the rule lets the pod reach the endpoint: a Service name {@code name.namespace.svc}
   * through a peer selecting that namespace (or the policy's own, for a bare pod selector), any
   * other host through an IP block.
   */
  private static boolean admits(
      final NetworkPolicyEgressRule rule, final URI endpoint, final String policyNamespace) {
    final boolean port =
        rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == endpoint.getPort());
    final String[] labels = endpoint.getHost().split("\\.");
    if (labels.length < 3 || !labels[2].equals("svc")) {
      return port && rule.getTo().stream().anyMatch(peer -> peer.getIpBlock() != null);
    }
    final String namespace = labels[1];
    return port
        && rule.getTo().stream().anyMatch(peer -> selects(peer, namespace, policyNamespace));
  }

  private static boolean selects(
      final NetworkPolicyPeer peer, final String namespace, final String policyNamespace) {
    if (peer.getNamespaceSelector() == null) {
      return peer.getPodSelector() != null && namespace.equals(policyNamespace);
    }
    return namespace.equals(
        peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
  }

  private static Map<String, String> stringMap(final Object value) {
    return map(value).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
  }

  private static boolean reachesOwnPods(
      final NetworkPolicyEgressRule rule, final NetworkPolicy policy, final int port) {
    final Map<String, String> own = policy.getSpec().getPodSelector().getMatchLabels();
    return rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == port)
        && rule.getTo().stream()
            .anyMatch(
                peer ->
                    peer.getNamespaceSelector() == null
                        && peer.getPodSelector() != null
                        && own.equals(peer.getPodSelector().getMatchLabels()));
  }
}
