package io.paymentnotifier.config;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of {@code alipay.notify.url.allowed.hosts}: a host name, an IP address, or {@code *.}
 * and a domain, which matches every subdomain of that domain but not the domain itself. Hosts are
 * compared in one canonical form: ASCII (an IDN as punycode), lower case, no trailing dot, IPv6 in
 * brackets as the JDK writes it.
 *
 * <p>A wildcard only ever matches host names: its domain must have two labels or more and end in a
 * label with a letter, so no {@code *.} pattern can cover an IP address (127.0.0.1 ends in a
 * number, [::1] in a bracket). An IP address must be written in its canonical form; the other
 * spellings the resolver accepts (2130706433, 127.1, 0177.0.0.1) never match anything.
 */
public final class HostPattern {

  private static final String WILDCARD = "*.";
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern IPV4_OCTET = Pattern.compile("25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d");
  private static final int MAX_NAME_LENGTH = 253;

  private final String host;
  private final boolean subdomains;

  private HostPattern(final String host, final boolean subdomains) {
    this.host = host;
    this.subdomains = subdomains;
  }

  /**
   * Parses one entry; an IllegalArgumentException says what is wrong with it (the caller names the
   * config key).
   */
  public static HostPattern parse(final String entry) {
    final String text = entry == null ? "" : entry.trim();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("an entry is empty");
    }
    if (text.startsWith(WILDCARD)) {
      final String domain = canonicalName(text.substring(WILDCARD.length()), text);
      if (domain.indexOf('.') < 0 || !endsInAName(domain)) {
        throw new IllegalArgumentException(
            "\""
                + text
                + "\": a wildcard needs a domain of two labels or more ending in a name, such as"
                + " *.alipayplus.com");
      }
      return new HostPattern(domain, true);
    }
    return new HostPattern(
        canonical(text)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "\""
                            + text
                            + "\" is not a host name, an IPv4 address (a.b.c.d) or an IPv6"
                            + " address in brackets, nor *. and a domain")),
        false);
  }

  /**
   * The canonical form of a host as a URL names it, or empty when it is neither a host name nor an
   * IP address in canonical form (such a host is never allowed).
   */
  public static Optional<String> canonical(final String host) {
    if (host == null || host.isBlank() || host.contains("*")) {
      return Optional.empty();
    }
    if (host.startsWith("[")) {
      return ipv6(host);
    }
    try {
      final String name = canonicalName(host, host);
      return isIpv4(name) || endsInAName(name) ? Optional.of(name) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether a host in canonical form (see {@link #canonical}) is covered by this entry. */
  public boolean matches(final String canonicalHost) {
    return subdomains ? canonicalHost.endsWith("." + host) : canonicalHost.equals(host);
  }

  /** The entry as it is compared: {@code *.example.com}, {@code 127.0.0.1}. */
  @Override
  public String toString() {
    return subdomains ? WILDCARD + host : host;
  }

  @Override
  public boolean equals(final Object other) {
    return other instanceof HostPattern that
        && subdomains == that.subdomains
        && host.equals(that.host);
  }

  @Override
  public int hashCode() {
    return host.hashCode() * 31 + Boolean.hashCode(subdomains);
  }

  /** ASCII, lower case, without a trailing dot, every label a valid DNS label. */
  private static String canonicalName(final String name, final String entry) {
    final String trimmed = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    final String ascii;
    try {
      ascii = IDN.toASCII(trimmed, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"" + entry + "\" is not a host name: " + e.getMessage());
    }
    if (ascii.isEmpty() || ascii.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("\"" + entry + "\" is not a host name");
    }
    for (final String label : ascii.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        throw new IllegalArgumentException(
            "\"" + entry + "\" is not a host name: bad label \"" + label + "\"");
      }
    }
    return ascii;
  }

  /** A name whose last label is not all digits: never read as an IPv4 address in any form. */
  private static boolean endsInAName(final String name) {
    return !DIGITS.matcher(name.substring(name.lastIndexOf('.') + 1)).matches();
  }

  private static boolean isIpv4(final String name) {
    final String[] octets = name.split("\\.", -1);
    if (octets.length != 4) {
      return false;
    }
    for (final String octet : octets) {
      if (!IPV4_OCTET.matcher(octet).matches()) {
        return false;
      }
    }
    return true;
  }

  /** A bracketed IPv6 literal as the JDK writes it; parsing a literal never asks DNS. */
  private static Optional<String> ipv6(final String bracketed) {
    if (!bracketed.endsWith("]") || !bracketed.substring(1).matches("[0-9A-Fa-f:.]+]")) {
      return Optional.empty();
    }
    try {
      final InetAddress address = InetAddress.getByName(bracketed);
      final String text = address.getHostAddress();
      // An IPv4-mapped address is the IPv4 host it maps to, and is compared as such.
      return Optional.of(text.contains(":") ? "[" + text + "]" : text);
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
