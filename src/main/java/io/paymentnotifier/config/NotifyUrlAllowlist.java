package io.paymentnotifier.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;

/**
 * Where an event's own notifyUrl may send the MPP's signed notifyPayment calls: hosts of {@code
 * alipay.notify.url.allowed.hosts} (by default the host of {@code alipay.base.url} alone), and only
 * over https when the base URL is https. Without it, whoever can publish an event could point
 * signed requests carrying payment data at any host.
 *
 * @param hosts the allowed hosts and wildcard domains
 * @param httpsOnly whether a notifyUrl must be https (it must when the base URL is)
 */
public record NotifyUrlAllowlist(List<HostPattern> hosts, boolean httpsOnly) {

  private static final String HTTPS = "https";

  public NotifyUrlAllowlist {
    hosts = List.copyOf(hosts);
  }

  /** The allowlist of this config; a bad entry or base URL fails naming its key. */
  public static NotifyUrlAllowlist from(final NotifierConfig config) {
    final String base = config.getString(AlipayConfigDef.BASE_URL_CONFIG).trim();
    return of(baseUrl(base), config.getList(AlipayConfigDef.NOTIFY_URL_ALLOWED_HOSTS_CONFIG));
  }

  /**
   * The allowlist for this base URL and these entries (none: the base URL's host alone); a bad
   * entry fails as a config error naming the key.
   */
  public static NotifyUrlAllowlist of(final URI baseUrl, final List<String> entries) {
    final boolean httpsOnly = HTTPS.equals(baseUrl.getScheme().toLowerCase(Locale.ROOT));
    if (entries.isEmpty()) {
      return new NotifyUrlAllowlist(List.of(baseHost(baseUrl)), httpsOnly);
    }
    try {
      return new NotifyUrlAllowlist(
          entries.stream().map(HostPattern::parse).distinct().toList(), httpsOnly);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          AlipayConfigDef.NOTIFY_URL_ALLOWED_HOSTS_CONFIG,
          String.join(",", entries),
          e.getMessage());
    }
  }

  /** Whether a URL's host (as {@link URI#getHost()} gives it) is on the list. */
  public boolean allows(final String urlHost) {
    final Optional<String> canonical = HostPattern.canonical(urlHost);
    return canonical.isPresent() && hosts.stream().anyMatch(h -> h.matches(canonical.get()));
  }

  /** The entries, comma separated, as the log and dead-letter details show them. */
  public String describe() {
    return hosts.stream().map(HostPattern::toString).collect(Collectors.joining(","));
  }

  /** The config's base URL, checked: an absolute http(s) URL with a host. */
  static URI baseUrl(final String text) {
    try {
      final URI uri = new URI(text);
      final String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals(HTTPS) || scheme.equals("http")) && uri.getHost() != null) {
        return uri;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw new ConfigException(
        AlipayConfigDef.BASE_URL_CONFIG, text, "must be an absolute http(s) URL with a host");
  }

  private static HostPattern baseHost(final URI baseUrl) {
    try {
      return HostPattern.parse(baseUrl.getHost());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          AlipayConfigDef.NOTIFY_URL_ALLOWED_HOSTS_CONFIG,
          "",
          "defaults to the host of "
              + AlipayConfigDef.BASE_URL_CONFIG
              + ", which cannot be used: "
              + e.getMessage()
              + "; list the allowed hosts");
    }
  }
}
