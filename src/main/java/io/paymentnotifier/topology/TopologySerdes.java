package io.paymentnotifier.topology;

import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.NotificationDone;
import io.paymentnotifier.events.NotificationRetry;
import io.paymentnotifier.events.PaymentFinalized;
import org.apache.kafka.common.serialization.Serde;

/** The value serdes of the four topics (keys are always paymentRequestId strings). */
public record TopologySerdes(
    Serde<PaymentFinalized> payment,
    Serde<NotificationDone> done,
    Serde<NotificationRetry> retry,
    Serde<DeadLetter> deadLetter) {}
