package io.paymentnotifier.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Parses the human durations of the config ("250ms", "10s", "5m", "8h", "7d"). */
public final class Durations {

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private Durations() {}

  /** Parses one duration, or throws IllegalArgumentException saying what is accepted. */
  public static Duration parse(final String text) {
    final Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration: use a whole number with ms, s, m, h or d, e.g. 30s");
    }
    final long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  /** Formats a duration the way {@link #parse} reads it, in the largest exact unit. */
  public static String format(final Duration d) {
    final long ms = d.toMillis();
    if (ms != 0 && ms % 86_400_000L == 0) {
      return ms / 86_400_000L + "d";
    }
    if (ms != 0 && ms % 3_600_000L == 0) {
      return ms / 3_600_000L + "h";
    }
    if (ms != 0 && ms % 60_000L == 0) {
      return ms / 60_000L + "m";
    }
    if (ms != 0 && ms % 1000L == 0) {
      return ms / 1000L + "s";
    }
    return ms + "ms";
  }

  /** A ConfigDef validator for a single positive (or zero, when allowed) duration. */
  public static ConfigDef.Validator validator(final boolean allowZero) {
    return new ConfigDef.Validator() {
      @Override
      public void ensureValid(final String name, final Object value) {
        if (value == null) {
          return;
        }
        final Duration d;
        try {
          d = parse(value.toString());
        } catch (IllegalArgumentException e) {
          throw new ConfigException(name, value, e.getMessage());
        }
        if (d.isZero() && !allowZero) {
          throw new ConfigException(name, value, "must be greater than zero");
        }
      }

      @Override
      public String toString() {
        return allowZero ? "a duration such as 500ms, 30s, 5m, 8h, 7d" : "a positive duration";
      }
    };
  }
}
