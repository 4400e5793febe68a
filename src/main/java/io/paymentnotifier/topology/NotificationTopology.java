package io.paymentnotifier.topology;

import static io.paymentnotifier.topology.ProcessorNames.DEAD_LETTER_INDEX_STORE;
import static io.paymentnotifier.topology.ProcessorNames.DECODE_PAYMENT;
import static io.paymentnotifier.topology.ProcessorNames.DEDUP_PAYMENT;
import static io.paymentnotifier.topology.ProcessorNames.DLQ_SINK;
import static io.paymentnotifier.topology.ProcessorNames.DLQ_SOURCE;
import static io.paymentnotifier.topology.ProcessorNames.DONE_SINK;
import static io.paymentnotifier.topology.ProcessorNames.DONE_STORE;
import static io.paymentnotifier.topology.ProcessorNames.INDEX_DEAD_LETTER;
import static io.paymentnotifier.topology.ProcessorNames.IN_FLIGHT_STORE;
import static io.paymentnotifier.topology.ProcessorNames.NOTIFY_CALL;
import static io.paymentnotifier.topology.ProcessorNames.PAYMENT_EVENTS_SOURCE;
import static io.paymentnotifier.topology.ProcessorNames.RETRY_SCHEDULE_STORE;
import static io.paymentnotifier.topology.ProcessorNames.RETRY_SINK;
import static io.paymentnotifier.topology.ProcessorNames.RETRY_SOURCE;
import static io.paymentnotifier.topology.ProcessorNames.ROUTE_OUTCOME;
import static io.paymentnotifier.topology.ProcessorNames.SCHEDULE_RETRY;

import io.paymentnotifier.events.DeadLetterIndexEntry;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The notification graph: input and retry topics in, done / retry / dead-letter topics out. Both
 * sources share the same stores, so a payment's first attempt and its retries run in one task:
 * route-outcome writes a retry to the in-flight store, the schedule and the retry topic at once
 * (into the input record's partition, see InputPartitioner), and schedule-retry reads the retry
 * topic back only to adopt what its task does not hold. A second sub-topology reads the DLQ topic
 * back into the dead-letter index, for the status lookup: only there is a DLQ record's offset
 * known. Its tasks follow the DLQ's partitions, so they may run on another instance than the same
 * payment's notification.
 */
public final class NotificationTopology {

  /** Window size of done-store and dead-letter-index entries: each is one point in time. */
  private static final Duration POINT_IN_TIME = Duration.ofMillis(1);

  private NotificationTopology() {}

  /** Builds the topology; every processor, store and sink has the name in ProcessorNames. */
  public static Topology build(final TopologyDeps deps) {
    final Topology topology = new Topology();
    addSources(topology, deps);
    addProcessors(topology, deps);
    addStores(topology, deps.dedupWindow());
    addSinks(topology, deps);
    addDeadLetterIndex(topology, deps);
    return topology;
  }

  private static void addSources(final Topology topology, final TopologyDeps deps) {
    topology
        .addSource(
            PAYMENT_EVENTS_SOURCE,
            Serdes.ByteArray().deserializer(),
            Serdes.ByteArray().deserializer(),
            deps.topics().input())
        .addSource(
            RETRY_SOURCE,
            Serdes.ByteArray().deserializer(),
            Serdes.ByteArray().deserializer(),
            deps.topics().retry());
  }

  private static void addProcessors(final Topology topology, final TopologyDeps deps) {
    final TopologySerdes serdes = deps.serdes();
    final NotificationObserver observer = deps.observer();
    final CallStarter.Factory callStarters =
        CallStarter.factory(deps.client(), deps.gate(), deps.calls(), observer);
    final PaymentValidator validator = new PaymentValidator(deps.notifyUrls());
    topology
        .addProcessor(
            DECODE_PAYMENT,
            () -> new PaymentDecoder(serdes, validator, observer),
            PAYMENT_EVENTS_SOURCE)
        .addProcessor(
            DEDUP_PAYMENT, () -> new DedupProcessor(deps.dedupWindow(), observer), DECODE_PAYMENT)
        .addProcessor(
            NOTIFY_CALL,
            () -> new NotifyProcessor(callStarters, new NotifyUrlRule(deps.notifyUrls())),
            DEDUP_PAYMENT)
        .addProcessor(
            ROUTE_OUTCOME, () -> new OutcomeRouter(deps.retryPolicy(), observer), NOTIFY_CALL)
        .addProcessor(
            SCHEDULE_RETRY,
            () -> new RetryIntake(serdes.retry().deserializer(), validator, observer),
            RETRY_SOURCE);
  }

  private static void addSinks(final Topology topology, final TopologyDeps deps) {
    final TopologySerdes serdes = deps.serdes();
    topology
        .addSink(
            DONE_SINK,
            deps.topics().done(),
            new StringSerializer(),
            serdes.done().serializer(),
            ROUTE_OUTCOME)
        .addSink(
            RETRY_SINK,
            deps.topics().retry(),
            new StringSerializer(),
            serdes.retry().serializer(),
            new InputPartitioner(),
            ROUTE_OUTCOME)
        .addSink(
            DLQ_SINK,
            deps.topics().dlq(),
            new StringSerializer(),
            serdes.deadLetter().serializer(),
            DECODE_PAYMENT,
            DEDUP_PAYMENT,
            ROUTE_OUTCOME,
            SCHEDULE_RETRY);
  }

  private static void addStores(final Topology topology, final Duration dedupWindow) {
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(IN_FLIGHT_STORE),
            Serdes.String(),
            NotificationState.serde()),
        DEDUP_PAYMENT,
        NOTIFY_CALL,
        ROUTE_OUTCOME,
        SCHEDULE_RETRY);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(RETRY_SCHEDULE_STORE),
            Serdes.String(),
            ScheduleEntrySerde.create()),
        NOTIFY_CALL,
        ROUTE_OUTCOME,
        SCHEDULE_RETRY);
    topology.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(DONE_STORE, dedupWindow, POINT_IN_TIME, false),
            Serdes.String(),
            FinishedPaymentSerde.create()),
        DEDUP_PAYMENT,
        ROUTE_OUTCOME,
        SCHEDULE_RETRY);
  }

  /** The DLQ topic read back into the dead-letter index: the DLQ record of each payment. */
  private static void addDeadLetterIndex(final Topology topology, final TopologyDeps deps) {
    topology
        .addSource(
            DLQ_SOURCE,
            Serdes.ByteArray().deserializer(),
            Serdes.ByteArray().deserializer(),
            deps.topics().dlq())
        .addProcessor(INDEX_DEAD_LETTER, DeadLetterIndexer::new, DLQ_SOURCE)
        .addStateStore(
            Stores.windowStoreBuilder(
                Stores.persistentWindowStore(
                    DEAD_LETTER_INDEX_STORE, deps.dedupWindow(), POINT_IN_TIME, false),
                Serdes.String(),
                AvroStateSerde.of(DeadLetterIndexEntry.class)),
            INDEX_DEAD_LETTER);
  }
}
