package io.paymentnotifier.topology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One task's calls held back by the overload control, first in first out per host. Stream-thread
 * confined. Each holds its notification as stored (calling, not sent), so it is sent as it is.
 */
final class HeldCalls {

  /** A held call: the notification, its host, and whether the observer was told it waits. */
  static final class Held {
    final NotificationState notification;
    final String host;
    boolean announced;

    Held(final NotificationState notification, final String host) {
      this.notification = notification;
      this.host = host;
    }
  }

  private final Map<String, Deque<Held>> byHost = new LinkedHashMap<>();
  private final Set<String> ids = new HashSet<>();

  void add(final Held held) {
    byHost.computeIfAbsent(held.host, h -> new ArrayDeque<>()).addLast(held);
    ids.add(held.notification.paymentRequestId());
  }

  boolean contains(final String paymentRequestId) {
    return ids.contains(paymentRequestId);
  }

  boolean waitingFor(final String host) {
    final Deque<Held> queue = byHost.get(host);
    return queue != null && !queue.isEmpty();
  }

  /** The hosts with held calls, in the order they first held one. */
  List<String> hosts() {
    return new ArrayList<>(byHost.keySet());
  }

  /** The oldest held call of the host, still held; null when none. */
  Held peek(final String host) {
    final Deque<Held> queue = byHost.get(host);
    return queue == null ? null : queue.peekFirst();
  }

  /** Takes the oldest held call of the host out. */
  Held poll(final String host) {
    final Deque<Held> queue = byHost.get(host);
    final Held held = queue.pollFirst();
    if (queue.isEmpty()) {
      byHost.remove(host);
    }
    ids.remove(held.notification.paymentRequestId());
    return held;
  }

  int size() {
    return ids.size();
  }

  /** Takes every held call out. */
  List<Held> clear() {
    final List<Held> all = new ArrayList<>();
    byHost.values().forEach(all::addAll);
    byHost.clear();
    ids.clear();
    return all;
  }
}
