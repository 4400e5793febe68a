package io.paymentnotifier.notify;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which JCA provider signs and verifies: {@code alipay.crypto.provider} or the simulator's flag.
 */
public enum ProviderChoice {
  /** The native provider when it loads and passes its self-check, else the JDK's. */
  AUTO,
  /** The native provider, or a failed start. */
  NATIVE,
  /** The JDK's own provider. */
  JDK;

  /** The choice this text names (any case); {@code source} names the setting in the error. */
  public static ProviderChoice parse(final String source, final String text) {
    if (text != null) {
      for (final ProviderChoice choice : values()) {
        if (choice.label().equalsIgnoreCase(text.trim())) {
          return choice;
        }
      }
    }
    throw new IllegalArgumentException(
        source + ": '" + text + "' is not one of " + labels() + " (the crypto provider)");
  }

  /** The lower-case form the config and the command line use. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static String labels() {
    return Arrays.stream(values()).map(ProviderChoice::label).collect(Collectors.joining(", "));
  }
}
