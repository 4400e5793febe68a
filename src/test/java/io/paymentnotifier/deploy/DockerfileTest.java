package io.paymentnotifier.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** No Docker engine runs here: the Dockerfile is checked as text, instruction by instruction. */
class DockerfileTest {

  private static final Pattern ENV = Pattern.compile("(\\w+)=(\\S+)");

  private final List<String[]> instructions =
      instructions(DeployFiles.text(DeployFiles.file("Dockerfile")));

  @Test
  void shouldBuildThroughTheWrapperOnAJdk17AndRunOnAJre17() {
    // when
    final List<String> stages = arguments("FROM");

    // then
    assertThat(stages).hasSize(2);
    assertThat(stages.get(0)).isEqualTo("eclipse-temurin:17-jdk AS build");
    assertThat(stages.get(1)).isEqualTo("eclipse-temurin:17-jre");
    assertThat(arguments("RUN")).anyMatch(run -> run.endsWith("./mvnw -B -DskipTests package"));
  }

  @Test
  void shouldCopyTheJarAndLibFolderTheBuildProduces() {
    // given
    final String pom = DeployFiles.text(DeployFiles.file("pom.xml"));

    // when
    final List<String> copies = arguments("COPY");

    // then
    assertThat(pom)
        .contains("<finalName>payment-notifier</finalName>")
        .contains("<classpathPrefix>lib/</classpathPrefix>");
    assertThat(copies)
        .contains("--from=build /src/target/payment-notifier.jar /app/payment-notifier.jar")
        .contains("--from=build /src/target/lib/ /app/lib/");
  }

  @Test
  void shouldCarryTheNativeCryptoProviderOfTheBuildPlatformInTheLibFolder() throws Exception {
    // given: the image is built on its own platform, and lib/ is what it copies
    final Document pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(DeployFiles.file("pom.xml").toFile());
    // when
    final Map<String, String> classifierByArch = new HashMap<>();
    final NodeList profiles = pom.getElementsByTagName("profile");
    for (int i = 0; i < profiles.getLength(); i++) {
      final Element profile = (Element) profiles.item(i);
      final Element dependency = (Element) profile.getElementsByTagName("dependency").item(0);
      if (dependency != null
          && "AmazonCorrettoCryptoProvider".equals(text(dependency, "artifactId"))
          && "linux".equals(text(profile, "name"))
          && "runtime".equals(text(dependency, "scope"))) {
        classifierByArch.put(text(profile, "arch"), text(dependency, "classifier"));
      }
    }
    // then: Docker's linux/amd64 and linux/arm64 JVMs report amd64 and aarch64
    assertThat(classifierByArch)
        .containsEntry("amd64", "linux-x86_64")
        .containsEntry("aarch64", "linux-aarch_64");
    assertThat(DeployFiles.text(DeployFiles.file("pom.xml")))
        .contains("<includeScope>runtime</includeScope>")
        .contains("<outputDirectory>${project.build.directory}/lib</outputDirectory>");
  }

  private static String text(final Element parent, final String tag) {
    final NodeList found = parent.getElementsByTagName(tag);
    return found.getLength() == 0 ? null : found.item(0).getTextContent().strip();
  }

  @Test
  void shouldRunAsANumericNonRootUser() {
    // when
    final List<String> users = arguments("USER");

    // then: numeric, so Kubernetes runAsNonRoot can verify it
    assertThat(users).hasSize(1);
    assertThat(users.get(0)).matches("[1-9][0-9]*:[1-9][0-9]*");
  }

  @Test
  void shouldStartTheJarWithContainerAwareHeapAndRunAsTheDefaultCommand() throws Exception {
    // when
    final List<String> entrypoint = jsonArray(single("ENTRYPOINT"));
    final List<String> cmd = jsonArray(single("CMD"));

    // then
    assertThat(entrypoint.get(0)).isEqualTo("java");
    assertThat(entrypoint).anyMatch(flag -> flag.startsWith("-XX:MaxRAMPercentage="));
    assertThat(entrypoint.subList(entrypoint.size() - 2, entrypoint.size()))
        .containsExactly("-jar", "/app/payment-notifier.jar");
    assertThat(cmd).containsExactly("run");
  }

  @Test
  void shouldExposeTheDefaultOpsPortAndSetOnlyKnownSettings() {
    // when
    final List<String> env = arguments("ENV");

    // then
    assertThat(arguments("EXPOSE")).containsExactly(String.valueOf(DeployFiles.defaultOpsPort()));
    assertThat(env).isNotEmpty();
    for (final String line : env) {
      final Matcher m = ENV.matcher(line);
      assertThat(m.find()).as(line).isTrue();
      assertThat(DeployFiles.isKnownSetting(m.group(1))).as(m.group(1)).isTrue();
    }
  }

  @Test
  void shouldKeepKeysOutOfTheBuildContext() {
    // when
    final String ignore = DeployFiles.text(DeployFiles.file(".dockerignore"));

    // then
    assertThat(ignore.lines()).contains("*", "**/*.pem", "**/*.key", "src/test/");
  }

  private String single(final String keyword) {
    final List<String> found = arguments(keyword);
    assertThat(found).as(keyword).hasSize(1);
    return found.get(0);
  }

  private List<String> arguments(final String keyword) {
    return instructions.stream().filter(i -> i[0].equals(keyword)).map(i -> i[1]).toList();
  }

  private static List<String> jsonArray(final String text) throws Exception {
    return new ObjectMapper().readValue(text, new TypeReference<List<String>>() {});
  }

  /** Instructions with continuation lines joined and comments dropped: {keyword, arguments}. */
  private static List<String[]> instructions(final String dockerfile) {
    final List<String[]> result = new ArrayList<>();
    final StringBuilder current = new StringBuilder();
    for (final String raw : dockerfile.lines().toList()) {
      final String line = raw.strip();
      if (line.startsWith("#") || line.isEmpty() && current.length() == 0) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      current.append(line);
      final String instruction = current.toString().strip().replaceAll("\\s+", " ");
      current.setLength(0);
      if (!instruction.isEmpty()) {
        final int space = instruction.indexOf(' ');
        result.add(
            new String[] {instruction.substring(0, space), instruction.substring(space + 1)});
      }
    }
    return result;
  }
}
