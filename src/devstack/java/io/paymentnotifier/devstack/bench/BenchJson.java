package io.paymentnotifier.devstack.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a bench result as indented JSON. */
final class BenchJson {

  private BenchJson() {}

  static void write(final Path file, final Object result) throws IOException {
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), result);
  }
}
