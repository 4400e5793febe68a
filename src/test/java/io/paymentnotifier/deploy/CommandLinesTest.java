package io.paymentnotifier.deploy;

import static io.paymentnotifier.deploy.DeployFiles.list;
import static io.paymentnotifier.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.paymentnotifier.cli.App;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every command line the image runs (Dockerfile CMD, compose services, the k8s Deployment) is one
 * the application's command tree accepts: a renamed flag breaks this test, not a deployment.
 */
class CommandLinesTest {

  private static final String JAR = "/app/payment-notifier.jar";

  @Test
  void shouldAcceptTheDockerfileDefaultCommand() throws Exception {
    // given
    final String cmd =
        DeployFiles.text(DeployFiles.file("Dockerfile"))
            .lines()
            .filter(line -> line.startsWith("CMD "))
            .findFirst()
            .orElseThrow()
            .substring(4);

    // when
    final List<String> args =
        new ObjectMapper().readValue(cmd, new TypeReference<List<String>>() {});

    // then
    assertParses("Dockerfile CMD", args);
  }

  @Test
  void shouldAcceptTheCommandOfEveryComposeServiceRunningTheImage() {
    // given
    final Map<String, Object> services =
        map(DeployFiles.yaml(DeployFiles.file("docker-compose.yml")).get("services"));
    final String image = String.valueOf(map(services.get("payment-notifier")).get("image"));
    final List<String> checked = new ArrayList<>();

    // when
    services.forEach(
        (name, value) -> {
          final Map<String, Object> service = map(value);
          if (image.equals(String.valueOf(service.get("image")))) {
            assertParses(name, applicationArguments(service));
            checked.add(name);
          }
        });

    // then
    assertThat(checked)
        .containsExactlyInAnyOrder("keygen", "simulator", "payment-notifier", "publish");
  }

  @Test
  void shouldAcceptTheKubernetesContainerArguments() {
    // given
    final StatefulSet workload =
        KubernetesModel.parse(Path.of("base/statefulset.yaml"), StatefulSet.class);

    // when
    final List<String> args =
        workload.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();

    // then
    assertParses("k8s StatefulSet", args);
  }

  /** What follows the jar: the entrypoint's tail (when overridden), then the command. */
  private static List<String> applicationArguments(final Map<String, Object> service) {
    final List<String> args = new ArrayList<>();
    if (service.get("entrypoint") != null) {
      final List<String> entrypoint =
          list(service.get("entrypoint")).stream().map(String::valueOf).toList();
      args.addAll(entrypoint.subList(entrypoint.indexOf(JAR) + 1, entrypoint.size()));
    }
    list(service.get("command")).forEach(arg -> args.add(String.valueOf(arg)));
    return args;
  }

  private static void assertParses(final String where, final List<String> args) {
    assertThat(args).as(where).isNotEmpty();
    assertThatCode(() -> App.commandLine().parseArgs(args.toArray(String[]::new)))
        .as(where + ": " + args)
        .doesNotThrowAnyException();
  }
}
