package io.paymentnotifier.avro;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * A complete Schema Registry held in memory: the store behind {@code mock://} scopes and the dev
 * registry server. Ids are global and start at 1; the same schema gets the same id in every
 * subject.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

  private final Map<String, Integer> idsBySchemaText = new HashMap<>();
  private final List<Schema> schemasById = new ArrayList<>();
  private final Map<String, List<Integer>> idsBySubject = new TreeMap<>();
  private final Map<String, CompatibilityLevel> levelsBySubject = new HashMap<>();
  private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;

  @Override
  public synchronized int register(final String subject, final Schema schema) {
    final List<Integer> versions = idsBySubject.getOrDefault(subject, List.of());
    final Integer known = idsBySchemaText.get(schema.toString());
    if (known != null && versions.contains(known)) {
      return known;
    }
    final List<String> violations = incompatibilities(subject, schema);
    if (!violations.isEmpty()) {
      throw new SchemaRegistryException(
          SchemaRegistryException.INCOMPATIBLE_SCHEMA,
          409,
          "Schema being registered is incompatible with an earlier schema for subject \""
              + subject
              + "\", details: "
              + violations);
    }
    final int id = known != null ? known : newId(schema);
    idsBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
    return id;
  }

  @Override
  public synchronized int idOf(final String subject, final Schema schema) {
    return lookup(subject, schema).id();
  }

  /** The version of the subject holding this schema, as {@code POST /subjects/{s}} answers. */
  public synchronized RegisteredSchema lookup(final String subject, final Schema schema) {
    final List<Integer> versions = requireSubject(subject);
    final Integer id = idsBySchemaText.get(schema.toString());
    final int index = id == null ? -1 : versions.indexOf(id);
    if (index < 0) {
      throw new SchemaRegistryException(
          SchemaRegistryException.SCHEMA_NOT_FOUND, 404, "Schema not found");
    }
    return new RegisteredSchema(subject, index + 1, id, schemasById.get(id - 1));
  }

  @Override
  public synchronized Schema schemaById(final int id) {
    if (id < 1 || id > schemasById.size()) {
      throw new SchemaRegistryException(
          SchemaRegistryException.SCHEMA_NOT_FOUND, 404, "Schema " + id + " not found");
    }
    return schemasById.get(id - 1);
  }

  @Override
  public synchronized RegisteredSchema latest(final String subject) {
    return version(subject, requireSubject(subject).size());
  }

  /** One version (from 1) of a subject; 40401 or 40402 when absent. */
  public synchronized RegisteredSchema version(final String subject, final int version) {
    final List<Integer> versions = requireSubject(subject);
    if (version < 1 || version > versions.size()) {
      throw new SchemaRegistryException(
          SchemaRegistryException.VERSION_NOT_FOUND, 404, "Version " + version + " not found.");
    }
    final int id = versions.get(version - 1);
    return new RegisteredSchema(subject, version, id, schemasById.get(id - 1));
  }

  /** The version numbers of a subject, 1 to n; 40401 when it does not exist. */
  public synchronized List<Integer> versions(final String subject) {
    final int count = requireSubject(subject).size();
    final List<Integer> numbers = new ArrayList<>(count);
    for (int version = 1; version <= count; version++) {
      numbers.add(version);
    }
    return numbers;
  }

  /** Every subject, sorted. */
  public synchronized List<String> subjects() {
    return List.copyOf(idsBySubject.keySet());
  }

  /**
   * Why the schema may not be registered under the subject at its compatibility level; empty when
   * it may (always for a new subject).
   */
  public synchronized List<String> incompatibilities(final String subject, final Schema schema) {
    final List<Schema> existing = new ArrayList<>();
    for (final int id : idsBySubject.getOrDefault(subject, List.of())) {
      existing.add(schemasById.get(id - 1));
    }
    return compatibility(subject).violations(schema, existing);
  }

  /** The level in force for a subject: its own, else the global one. */
  public synchronized CompatibilityLevel compatibility(final String subject) {
    return levelsBySubject.getOrDefault(subject, globalLevel);
  }

  /** The subject's own level, if one was set. */
  public synchronized Optional<CompatibilityLevel> subjectCompatibility(final String subject) {
    return Optional.ofNullable(levelsBySubject.get(subject));
  }

  public synchronized void setCompatibility(final String subject, final CompatibilityLevel level) {
    levelsBySubject.put(subject, level);
  }

  public synchronized CompatibilityLevel globalCompatibility() {
    return globalLevel;
  }

  public synchronized void setGlobalCompatibility(final CompatibilityLevel level) {
    globalLevel = level;
  }

  private int newId(final Schema schema) {
    schemasById.add(schema);
    final int id = schemasById.size();
    idsBySchemaText.put(schema.toString(), id);
    return id;
  }

  private List<Integer> requireSubject(final String subject) {
    final List<Integer> versions = idsBySubject.get(subject);
    if (versions == null) {
      throw new SchemaRegistryException(
          SchemaRegistryException.SUBJECT_NOT_FOUND, 404, "Subject '" + subject + "' not found.");
    }
    return versions;
  }
}
