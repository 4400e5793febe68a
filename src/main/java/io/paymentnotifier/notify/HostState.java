package io.paymentnotifier.notify;

import java.util.Locale;

/** Where an Alipay+ host stands for the overload control, as metrics and health show it. */
public enum HostState {
  /** Calls go out as they come (within alipay.max.requests.per.second). */
  AVAILABLE,
  /** Answers came back, but traffic limits (or a recent outage) hold the call rate down. */
  LIMITED,
  /** Too many calls failed: new calls are held back until the next probe. */
  UNAVAILABLE,
  /** A few held-back notifications are being sent to see whether the host answers again. */
  PROBING;

  /** The metric label: {@code available}, {@code limited}, {@code unavailable}, {@code probing}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when the host gets no calls but probes: Alipay+ counts as unavailable. */
  public boolean failing() {
    return this == UNAVAILABLE || this == PROBING;
  }
}
