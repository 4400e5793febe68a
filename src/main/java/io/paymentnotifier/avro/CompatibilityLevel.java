package io.paymentnotifier.avro;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/** The Schema Registry compatibility levels, checked with Avro's {@link SchemaCompatibility}. */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean newReadsOld;
  private final boolean oldReadsNew;
  private final boolean transitive;

  CompatibilityLevel(
      final boolean newReadsOld, final boolean oldReadsNew, final boolean transitive) {
    this.newReadsOld = newReadsOld;
    this.oldReadsNew = oldReadsNew;
    this.transitive = transitive;
  }

  /** The level with this name (any case), or null when there is none. */
  public static CompatibilityLevel parse(final String name) {
    if (name == null) {
      return null;
    }
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (final IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The reasons the candidate may not follow the existing versions (oldest first); empty when it
   * may.
   */
  public List<String> violations(final Schema candidate, final List<Schema> existing) {
    final List<String> messages = new ArrayList<>();
    final List<Schema> checked =
        transitive || existing.isEmpty() ? existing : List.of(existing.get(existing.size() - 1));
    for (final Schema previous : checked) {
      if (newReadsOld) {
        messages.addAll(
            problems(candidate, previous, "the new schema cannot read the previous one"));
      }
      if (oldReadsNew) {
        messages.addAll(problems(previous, candidate, "a previous schema cannot read the new one"));
      }
    }
    return messages;
  }

  private static List<String> problems(
      final Schema reader, final Schema writer, final String direction) {
    final List<String> messages = new ArrayList<>();
    for (final Incompatibility problem :
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
            .getResult()
            .getIncompatibilities()) {
      messages.add(
          direction
              + ": "
              + problem.getType()
              + " at "
              + problem.getLocation()
              + ": "
              + problem.getMessage());
    }
    return messages;
  }
}
