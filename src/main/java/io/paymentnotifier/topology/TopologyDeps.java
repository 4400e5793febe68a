package io.paymentnotifier.topology;

import io.paymentnotifier.config.NotifyUrlAllowlist;
import io.paymentnotifier.config.Topics;
import io.paymentnotifier.notify.CallGate;
import io.paymentnotifier.notify.NotifyClient;
import io.paymentnotifier.retry.RetryPolicy;
import java.time.Duration;

/**
 * Everything the topology needs from outside: topics, serdes, the notify client, the shared call
 * budget, the retry policy, the dedup window, the observer, where an event's notifyUrl may point
 * and the overload control's gate.
 */
public record TopologyDeps(
    Topics topics,
    TopologySerdes serdes,
    NotifyClient client,
    InFlightCalls calls,
    RetryPolicy retryPolicy,
    Duration dedupWindow,
    NotificationObserver observer,
    NotifyUrlAllowlist notifyUrls,
    CallGate gate) {

  /** Without overload control: every call is sent as soon as the budget has a place. */
  public TopologyDeps(
      final Topics topics,
      final TopologySerdes serdes,
      final NotifyClient client,
      final InFlightCalls calls,
      final RetryPolicy retryPolicy,
      final Duration dedupWindow,
      final NotificationObserver observer,
      final NotifyUrlAllowlist notifyUrls) {
    this(
        topics,
        serdes,
        client,
        calls,
        retryPolicy,
        dedupWindow,
        observer,
        notifyUrls,
        CallGate.OPEN);
  }
}
