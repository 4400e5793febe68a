package io.paymentnotifier.cli;

import io.paymentnotifier.notify.Keys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes development RSA-2048 key pairs for the MPP and the Alipay+ simulator, never overwriting.
 */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = {
      "Writes mpp-private.pem, mpp-public.pem, alipay-private.pem and alipay-public.pem"
          + " (RSA-2048, PKCS#8 / X.509 PEM) into --dir; a pair whose files exist is kept.",
      "For development and tests only: production keys come from the Alipay+ Developer Center."
    })
public final class KeygenCommand implements Callable<Integer> {

  public static final String MPP_PRIVATE = "mpp-private.pem";
  public static final String MPP_PUBLIC = "mpp-public.pem";
  public static final String ALIPAY_PRIVATE = "alipay-private.pem";
  public static final String ALIPAY_PUBLIC = "alipay-public.pem";

  @Spec CommandSpec spec;

  @Option(names = "--dir", required = true, description = "Folder for the PEM files.")
  Path dir;

  @Override
  public Integer call() throws IOException {
    Files.createDirectories(dir);
    writePair("MPP", MPP_PRIVATE, MPP_PUBLIC);
    writePair("Alipay+", ALIPAY_PRIVATE, ALIPAY_PUBLIC);
    return 0;
  }

  private void writePair(final String owner, final String privateName, final String publicName)
      throws IOException {
    final PrintWriter out = spec.commandLine().getOut();
    final Path privateFile = dir.resolve(privateName);
    final Path publicFile = dir.resolve(publicName);
    if (Files.exists(privateFile) || Files.exists(publicFile)) {
      out.println(owner + " keys: " + privateFile + " or " + publicFile + " exists, kept as is");
      out.flush();
      return;
    }
    final KeyPair pair = Keys.generateRsaPair();
    writePrivate(privateFile, Keys.toPem(pair.getPrivate()));
    Files.writeString(publicFile, Keys.toPem(pair.getPublic()), StandardCharsets.US_ASCII);
    out.println(owner + " keys: wrote " + privateFile + " and " + publicFile);
    out.flush();
  }

  private static void writePrivate(final Path file, final String pem) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      // Owner-only from the start: the key is never readable by others, even briefly.
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.writeString(file, pem, StandardCharsets.US_ASCII);
  }
}
