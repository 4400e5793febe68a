package io.paymentnotifier.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fourth outcome type must not compile until every router handles it: the real sources of the
 * outcome types and of every class that routes outcomes are compiled with the JDK's compiler, once
 * as they are and once with a fourth type added the only way {@code route} allows.
 */
class OutcomeExhaustivenessTest {

  private static final Path MAIN = Path.of("src", "main", "java");
  private static final Path OUTCOMES = MAIN.resolve("io/paymentnotifier/notify");
  private static final String HELD =
      """
      package io.paymentnotifier.notify;

      public record Held(CallReport call) implements NotifyOutcome {
        @Override
        public <R> R route(final Routes<R> routes) {
          return routes.held(this);
        }
      }
      """;

  @TempDir Path work;

  @Test
  void shouldCompileTheRoutersAsTheyAre() throws IOException {
    // given
    final List<Path> sources = outcomeSources(OUTCOMES.resolve("NotifyOutcome.java"));
    // when
    final List<Diagnostic<? extends JavaFileObject>> errors = compile(sources);
    // then
    assertThat(errors).isEmpty();
  }

  @Test
  void shouldFailCompilationOfEveryRouterWhenAFourthOutcomeTypeIsAdded() throws IOException {
    // given: NotifyOutcome permits a fourth type, and Routes gains its method
    final String outcome = Files.readString(OUTCOMES.resolve("NotifyOutcome.java"));
    final Path changed = write("NotifyOutcome.java", withFourthType(outcome));
    final List<Path> sources = outcomeSources(changed);
    sources.add(write("Held.java", HELD));
    // when
    final List<Diagnostic<? extends JavaFileObject>> errors = compile(sources);
    // then: each class that routes outcomes, including the Kind of each outcome, fails
    assertThat(routers()).extracting(Path::getFileName).contains(Path.of("OutcomeRouter.java"));
    for (final Path router : routers()) {
      assertThat(errors)
          .as("%s must not compile while it ignores the fourth type", router.getFileName())
          .anyMatch(error -> isIn(error, router.getFileName().toString()));
    }
    assertThat(errors).anyMatch(error -> isIn(error, "NotifyOutcome.java"));
  }

  private static String withFourthType(final String source) {
    final String permits = "permits Acknowledged, RetryLater, Rejected";
    final String route = "    R rejected(Rejected outcome);";
    assertThat(source).contains(permits, route);
    return source
        .replace(permits, permits + ", Held")
        .replace(route, route + "\n\n    R held(Held outcome);");
  }

  /** The outcome records, the given NotifyOutcome, and every main class that routes outcomes. */
  private static List<Path> outcomeSources(final Path notifyOutcome) throws IOException {
    final List<Path> sources = new ArrayList<>();
    sources.add(notifyOutcome);
    for (final String record : List.of("Acknowledged", "RetryLater", "Rejected")) {
      sources.add(OUTCOMES.resolve(record + ".java"));
    }
    sources.addAll(routers());
    return sources;
  }

  /** Main sources, outside the outcome types, that implement NotifyOutcome.Routes. */
  private static List<Path> routers() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files
          .filter(path -> path.toString().endsWith(".java"))
          .filter(path -> !path.getParent().equals(OUTCOMES))
          .filter(path -> read(path).contains("NotifyOutcome.Routes<"))
          .toList();
    }
  }

  private List<Diagnostic<? extends JavaFileObject>> compile(final List<Path> sources)
      throws IOException {
    final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    final DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      final List<String> options =
          List.of(
              "-proc:none",
              "-classpath",
              System.getProperty("java.class.path"),
              "-d",
              Files.createDirectories(work.resolve("classes")).toString());
      javac
          .getTask(
              null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
          .call();
    }
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .toList();
  }

  private static boolean isIn(final Diagnostic<? extends JavaFileObject> error, final String file) {
    return error.getSource() != null
        && error.getSource().getName().endsWith(file)
        && error.getMessage(Locale.ROOT).contains("held");
  }

  private Path write(final String name, final String source) throws IOException {
    return Files.writeString(Files.createDirectories(work.resolve("src")).resolve(name), source);
  }

  private static String read(final Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
