package io.paymentnotifier.publish;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paymentnotifier.events.PaymentFinalized;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads payment events from a file: NDJSON (one JSON object per line; blank lines and lines
 * starting with {@code #} are skipped) or a JSON array of objects. Each entry carries the line it
 * started on, so an invalid one can be reported by line number.
 */
public final class PaymentFileReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One entry of the file: an event, or why its line is invalid.
   *
   * @param line 1-based line number where the entry starts
   * @param event the event, or null when invalid
   * @param error why the entry is invalid, or null
   */
  public record Entry(long line, PaymentFinalized event, String error) {

    /** Whether the entry can be published. */
    public boolean valid() {
      return event != null;
    }
  }

  private PaymentFileReader() {}

  /** Every entry of the file, valid or not, in file order. */
  public static List<Entry> read(final Path file) throws IOException {
    final String content = Files.readString(file, StandardCharsets.UTF_8);
    if (content.stripLeading().startsWith("[")) {
      return readArray(content);
    }
    return readLines(content);
  }

  private static List<Entry> readLines(final String content) throws IOException {
    final List<Entry> entries = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new java.io.StringReader(content))) {
      long number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        final String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          entries.add(parseLine(number, trimmed));
        }
      }
    }
    return entries;
  }

  private static Entry parseLine(final long number, final String line) {
    try {
      return toEntry(number, JSON.readTree(line));
    } catch (JsonProcessingException e) {
      return new Entry(number, null, "not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static List<Entry> readArray(final String content) throws IOException {
    final List<Entry> entries = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(content)) {
      parser.nextToken();
      for (JsonToken token = parser.nextToken();
          token != null && token != JsonToken.END_ARRAY;
          token = parser.nextToken()) {
        final long line = parser.currentTokenLocation().getLineNr();
        entries.add(toEntry(line, parser.readValueAsTree()));
      }
    } catch (JsonProcessingException e) {
      final long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      entries.add(new Entry(line, null, "not valid JSON: " + e.getOriginalMessage()));
    }
    return entries;
  }

  private static Entry toEntry(final long line, final JsonNode json) {
    try {
      return new Entry(line, PaymentJson.toEvent(json), null);
    } catch (IllegalArgumentException e) {
      return new Entry(line, null, e.getMessage());
    }
  }
}
