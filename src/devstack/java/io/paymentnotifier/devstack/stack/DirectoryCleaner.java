package io.paymentnotifier.devstack.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes the temporary directories the embedded stack creates. */
public final class DirectoryCleaner {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryCleaner.class);

  private DirectoryCleaner() {}

  /** Deletes the directory and everything under it; a failure is logged, never thrown. */
  public static void deleteRecursively(final Path directory) {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(DirectoryCleaner::deleteQuietly);
    } catch (IOException e) {
      LOG.warn("could not delete {}: {}", directory, e.toString());
    }
  }

  private static void deleteQuietly(final Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.warn("could not delete {}: {}", path, e.toString());
    }
  }
}
