package io.paymentnotifier.topology;

import io.paymentnotifier.notify.NotifyOutcome;

/** A finished notifyPayment call, handed from the HTTP thread to the stream thread for routing. */
record Completion(String paymentRequestId, int attempt, NotifyOutcome outcome) {}
