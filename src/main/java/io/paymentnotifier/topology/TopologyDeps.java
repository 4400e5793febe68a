package io.paymentnotifier.topology;

import io.paymentnotifier.config.NotifyUrlAllowlist;
import io.paymentnotifier.config.Topics;
import io.paymentnotifier.notify.NotifyClient;
import io.paymentnotifier.retry.RetryPolicy;
import java.time.Duration;

/**
 * Everything the topology needs from outside: topics, serdes, the notify client, the shared call
 * budget, the retry policy, the dedup window, the observer and where an event's notifyUrl may
 * point.
 */
public record TopologyDeps(
    Topics topics,
    TopologySerdes serdes,
    NotifyClient client,
    InFlightCalls calls,
    RetryPolicy retryPolicy,
    Duration dedupWindow,
    NotificationObserver observer,
    NotifyUrlAllowlist notifyUrls) {}
