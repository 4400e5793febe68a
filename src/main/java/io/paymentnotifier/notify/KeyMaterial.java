package io.paymentnotifier.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * A key's text and where it came from: a file named by one config key, or an inline value (usually
 * an env var) named by another. Exactly one of the two may be set.
 *
 * @param source the config key (and file) it was read from, for error messages
 * @param text the PEM or Base64 text; never logged
 */
public record KeyMaterial(String source, String text) {

  /** Reads from the file or the inline value; empty when neither is set, fails when both are. */
  public static Optional<KeyMaterial> fromFileOrInline(
      final String fileKey, final String file, final String inlineKey, final String inline) {
    final boolean hasFile = file != null && !file.isBlank();
    final boolean hasInline = inline != null && !inline.isBlank();
    if (hasFile && hasInline) {
      throw new ConfigException(
          fileKey + ": set either " + fileKey + " or " + inlineKey + ", not both");
    }
    if (hasFile) {
      return Optional.of(fromFile(fileKey, Path.of(file.trim())));
    }
    if (hasInline) {
      return Optional.of(new KeyMaterial(inlineKey, inline));
    }
    return Optional.empty();
  }

  /** The text of a key file; a missing or unreadable file fails naming the config key and path. */
  public static KeyMaterial fromFile(final String configKey, final Path file) {
    final String source = configKey + " (file " + file + ")";
    try {
      return new KeyMaterial(source, Files.readString(file, StandardCharsets.ISO_8859_1));
    } catch (NoSuchFileException e) {
      throw new ConfigException(configKey + ": file " + file + " not found");
    } catch (IOException e) {
      throw new ConfigException(
          configKey + ": file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The RSA private key this text holds. */
  public RSAPrivateKey privateKey() {
    return Keys.privateKey(source, text);
  }

  /** The RSA public key this text holds. */
  public RSAPublicKey publicKey() {
    return Keys.publicKey(source, text);
  }

  /** Never prints the key text. */
  @Override
  public String toString() {
    return "KeyMaterial[" + source + "]";
  }
}
