#!/bin/sh
# One-shot topic creator of docker-compose.yml. The retry topic must have the input topic's
# partition count: a payment's first attempt and its retries are handled by the same task.
set -eu
BOOTSTRAP="${BOOTSTRAP_SERVERS:-kafka:19092}"
PARTITIONS="${PARTITIONS:-6}"
for topic in payment-finalized payment-notify-retry payment-notify-done payment-notify-dlq; do
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$topic" --partitions "$PARTITIONS" --replication-factor 1
done
/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --describe \
  --topic 'payment-.*' | grep PartitionCount
