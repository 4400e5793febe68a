package io.paymentnotifier.devstack.bench;

/** Reads sample values out of a Prometheus text-format scrape. */
final class PrometheusText {

  private PrometheusText() {}

  /** The sum of every sample of {@code name}, whatever its labels; 0 when there is none. */
  static double sum(final String scrape, final String name) {
    return sum(scrape, name, "");
  }

  /** The sum of the samples of {@code name} whose label text contains {@code label}. */
  static double sum(final String scrape, final String name, final String label) {
    double total = 0;
    for (final String line : scrape.split("\n")) {
      if (isSampleOf(line, name) && line.contains(label)) {
        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return total;
  }

  private static boolean isSampleOf(final String line, final String name) {
    return line.startsWith(name)
        && line.length() > name.length()
        && (line.charAt(name.length()) == '{' || line.charAt(name.length()) == ' ');
  }
}
