package io.paymentnotifier.dlq;

/** Where a record that led to a dead letter was read: topic, partition and offset. */
public record Origin(String topic, int partition, long offset) {}
