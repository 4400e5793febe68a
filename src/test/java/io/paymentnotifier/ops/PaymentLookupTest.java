package io.paymentnotifier.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.dlq.Origin;
import io.paymentnotifier.ops.PaymentLookup.LookupAnswer;
import io.paymentnotifier.topology.PaymentStatus;
import io.paymentnotifier.topology.PaymentStatusStores;
import io.paymentnotifier.topology.PaymentStatusStores.Part;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/** Which instance answers which part, and the HTTP answer built from the parts. */
class PaymentLookupTest {

  private static final HostInfo SELF = new HostInfo("127.0.0.1", 18080);
  private static final HostInfo PEER = new HostInfo("127.0.0.2", 18080);
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

  private final FakeStores stores = new FakeStores();
  private final FakePeers peers = new FakePeers();
  private final PaymentLookup lookup = new PaymentLookup(stores, peers, SELF);

  @Test
  void shouldAnswerFromLocalStoresWithoutAskingAnyoneWhenThisInstanceHoldsThePayment() {
    // given
    stores.hold(Part.NOTIFICATION, SELF, new PaymentStatus.Done("p-1", AT, "S", "SUCCESS", 1));
    // when
    final LookupAnswer answer = lookup.lookup("p-1");
    // then
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("state").asText()).isEqualTo("DONE");
    assertThat(answer.body().path("ackResultCode").asText()).isEqualTo("SUCCESS");
    assertThat(peers.asked).isEmpty();
  }

  @Test
  void shouldNotAskTheDeadLetterIndexWhileThePaymentIsInFlight() {
    // given
    stores.hold(Part.NOTIFICATION, SELF, new PaymentStatus.InFlight("p-1", 1, AT));
    stores.hold(Part.DEAD_LETTERS, PEER, dead("p-1", "CONFLICTING_DUPLICATE"));
    // when
    final LookupAnswer answer = lookup.lookup("p-1");
    // then
    assertThat(answer.body().path("state").asText()).isEqualTo("IN_FLIGHT");
    assertThat(peers.asked).isEmpty();
  }

  @Test
  void shouldForwardEachPartOnceToTheInstanceThatHoldsIt() {
    // given: the notification stores here know a dead letter, the index is on the peer
    stores.hold(
        Part.NOTIFICATION,
        SELF,
        new PaymentStatus.DeadLettered("p-1", AT, "RETRIES_EXHAUSTED", 3, null));
    stores.hold(Part.DEAD_LETTERS, PEER, dead("p-1", "RETRIES_EXHAUSTED"));
    // when
    final LookupAnswer answer = lookup.lookup("p-1");
    // then: the attempts from here, the DLQ record from the peer
    assertThat(peers.asked).containsExactly(PEER + " " + Part.DEAD_LETTERS);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(PaymentStatusJson.read(answer.body()))
        .isEqualTo(
            new PaymentStatus.DeadLettered(
                "p-1", AT, "RETRIES_EXHAUSTED", 3, new Origin("payment-notify-dlq", 2, 17)));
  }

  @Test
  void shouldAnswerDeadLetteredFromTheIndexAloneWhenTheEventNeverReachedTheStores() {
    // given: an invalid event, dead-lettered before any call
    stores.hold(Part.NOTIFICATION, PEER, new PaymentStatus.Unknown("p-1"));
    stores.hold(Part.DEAD_LETTERS, SELF, dead("p-1", "INVALID_EVENT"));
    // when
    final LookupAnswer answer = lookup.lookup("p-1");
    // then
    assertThat(peers.asked).containsExactly(PEER + " " + Part.NOTIFICATION);
    assertThat(answer.body().path("reason").asText()).isEqualTo("INVALID_EVENT");
    assertThat(answer.body().path("dlqRecord").path("offset").asLong()).isEqualTo(17);
  }

  @Test
  void shouldAnswer404WithAClearMessageWhenNoStoreKnowsThePayment() {
    // given
    stores.hold(Part.NOTIFICATION, SELF, new PaymentStatus.Unknown("p-404"));
    stores.hold(Part.DEAD_LETTERS, SELF, new PaymentStatus.Unknown("p-404"));
    // when
    final LookupAnswer answer = lookup.lookup("p-404");
    // then
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body().path("state").asText()).isEqualTo("UNKNOWN");
    assertThat(answer.body().path("message").asText())
        .isEqualTo("p-404: unknown: not in flight, not waiting, not finished within dedup.window");
  }

  @Test
  void shouldAnswer400NamingTheRuleForAMalformedId() {
    // when
    final List<LookupAnswer> answers =
        List.of(
            lookup.lookup(""),
            lookup.lookup("   "),
            lookup.lookup("x".repeat(65)),
            lookup.lookup("p\n1"));
    // then
    assertThat(answers).extracting(LookupAnswer::status).containsOnly(400);
    assertThat(answers)
        .extracting(a -> a.body().path("message").asText())
        .containsExactly(
            "paymentRequestId: is required and must not be blank",
            "paymentRequestId: is required and must not be blank",
            "paymentRequestId: must be at most 64 characters, was 65",
            "paymentRequestId: must not contain control characters, has U+000A");
    assertThat(stores.ownerQueries).isZero();
  }

  @Test
  void shouldAnswer503WithRetryAfterWhileTheOwnerIsUnknown() {
    // given: a rebalance
    stores.ownerUnknown = true;
    // when
    final LookupAnswer answer = lookup.lookup("p-1");
    // then
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.retryLater()).isTrue();
    assertThat(answer.body().path("message").asText())
        .contains("who holds p-1 is not known right now");
  }

  @Test
  void shouldNeverForwardAForwardedQuestionAgain() {
    // given: the peer asked us, but the partition is no longer here
    stores.hold(Part.NOTIFICATION, PEER, new PaymentStatus.Unknown("p-1"));
    // when
    final LookupAnswer answer = lookup.forwardedPart("p-1", Part.NOTIFICATION);
    // then
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.retryLater()).isTrue();
    assertThat(peers.asked).isEmpty();
  }

  @Test
  void shouldAnswerAForwardedPartFromLocalStoresWith200EvenWhenUnknown() {
    // given
    stores.hold(Part.DEAD_LETTERS, SELF, new PaymentStatus.Unknown("p-1"));
    // when
    final LookupAnswer answer = lookup.forwardedPart("p-1", Part.DEAD_LETTERS);
    // then
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("state").asText()).isEqualTo("UNKNOWN");
  }

  @Test
  void shouldNotForwardToItselfWhenItsOwnPartitionIsNotReadableYet() {
    // given: this instance owns the partition but is restoring it
    stores.owners.put(Part.NOTIFICATION, SELF);
    // when
    final LookupAnswer answer = lookup.lookup("p-1");
    // then
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.body().path("message").asText())
        .contains("being restored or moved to this instance");
    assertThat(peers.asked).isEmpty();
  }

  @Test
  void shouldNameTheMissingSettingWhenTheOwnerAdvertisesNoEndpoint() {
    // given: instances without ops.advertised.host
    stores.owners.put(Part.NOTIFICATION, HostInfo.unavailable());
    // when
    final LookupAnswer answer = new PaymentLookup(stores, peers, null).lookup("p-1");
    // then
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.body().path("message").asText()).contains("ops.advertised.host");
  }

  @Test
  void shouldAnswer503WhenTheOwnerDoesNotAnswer() throws IOException {
    // given: the owner's port, on which nothing listens any more
    final int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    final HostInfo gone = new HostInfo("127.0.0.1", closed);
    stores.hold(Part.NOTIFICATION, gone, new PaymentStatus.Unknown("p-1"));
    // when
    final LookupAnswer answer = new PaymentLookup(stores, new PeerClient(), SELF).lookup("p-1");
    // then
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.retryLater()).isTrue();
    assertThat(answer.body().path("message").asText())
        .contains("the instance holding it (127.0.0.1:" + closed + ") did not answer");
  }

  @Test
  void shouldLookWhereAConfluentAvroKeyPutsThePaymentWhenItsUtf8KeySaysNothing() {
    // given: nothing where the UTF-8 key points; the payment's Avro key put it on the peer
    stores.hold(Part.NOTIFICATION, SELF, new PaymentStatus.Unknown("p-1"));
    stores.hold(Part.NOTIFICATION_AVRO_KEY, PEER, new PaymentStatus.Waiting("p-1", 2, AT, null));
    // when
    final LookupAnswer answer = lookup.lookup("p-1");
    // then
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("state").asText()).isEqualTo("WAITING");
    assertThat(peers.asked).containsExactly(PEER + " " + Part.NOTIFICATION_AVRO_KEY);
  }

  @Test
  void shouldNotLookElsewhereWhenNoAvroKeyPutsThePaymentInAnotherPartition() {
    // given: the Avro key's partition is the UTF-8 key's
    stores.hold(Part.NOTIFICATION, SELF, new PaymentStatus.Unknown("p-1"));
    stores.hold(Part.NOTIFICATION_AVRO_KEY, PEER, new PaymentStatus.Waiting("p-1", 2, AT, null));
    stores.avroKeyPartition = FakeStores.PARTITION;
    stores.hold(Part.DEAD_LETTERS, SELF, new PaymentStatus.Unknown("p-1"));
    // when
    final LookupAnswer answer = lookup.lookup("p-1");
    // then
    assertThat(answer.status()).isEqualTo(404);
    assertThat(peers.asked).isEmpty();
  }

  private static PaymentStatus dead(final String id, final String reason) {
    return new PaymentStatus.DeadLettered(
        id, AT, reason, null, new Origin("payment-notify-dlq", 2, 17));
  }

  /** Each part on one host, with what that host's stores say. */
  private static final class FakeStores implements PaymentStatusStores {
    final Map<Part, HostInfo> owners = new EnumMap<>(Part.class);
    final Map<Part, PaymentStatus> held = new EnumMap<>(Part.class);
    static final int PARTITION = 3;

    boolean ownerUnknown;
    int avroKeyPartition = PARTITION + 1;
    int ownerQueries;

    void hold(final Part part, final HostInfo host, final PaymentStatus status) {
      owners.put(part, host);
      held.put(part, status);
    }

    @Override
    public KeyQueryMetadata owner(final Part part, final String paymentRequestId) {
      ownerQueries++;
      if (ownerUnknown) {
        return KeyQueryMetadata.NOT_AVAILABLE;
      }
      if (part == Part.NOTIFICATION_AVRO_KEY) {
        // No Avro key placement unless a test gives the payment one.
        return owners.containsKey(part)
            ? new KeyQueryMetadata(owners.get(part), Set.of(), avroKeyPartition)
            : KeyQueryMetadata.NOT_AVAILABLE;
      }
      return new KeyQueryMetadata(owners.getOrDefault(part, PEER), Set.of(), PARTITION);
    }

    @Override
    public Optional<PaymentStatus> readLocal(
        final Part part, final String paymentRequestId, final int partition) {
      assertThat(partition)
          .isEqualTo(part == Part.NOTIFICATION_AVRO_KEY ? avroKeyPartition : PARTITION);
      return SELF.equals(owners.get(part)) ? Optional.ofNullable(held.get(part)) : Optional.empty();
    }

    PaymentStatus peerRead(final Part part) {
      return held.get(part);
    }
  }

  /** The other instance: answers from the fake stores, records who was asked what. */
  private final class FakePeers implements PaymentLookup.Peers {
    final List<String> asked = new ArrayList<>();

    @Override
    public PaymentStatus ask(final HostInfo owner, final Part part, final String id) {
      asked.add(owner + " " + part);
      return stores.peerRead(part);
    }
  }
}
