package io.paymentnotifier.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.dlq.Origin;
import io.paymentnotifier.topology.PaymentStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentStatusTextTest {

  private static final Instant AT = Instant.parse("2026-03-01T10:00:00.120Z");

  @Test
  void shouldSayInOneLineWhereEachPaymentStands() {
    // when / then
    assertThat(PaymentStatusText.of(new PaymentStatus.InFlight("p-1", 3, AT)))
        .isEqualTo("p-1: in flight since 2026-03-01T10:00:00.120Z (attempt 3)");
    assertThat(PaymentStatusText.of(new PaymentStatus.Waiting("p-2", 2, AT, "HTTP 503")))
        .isEqualTo(
            "p-2: waiting for attempt 2, due at 2026-03-01T10:00:00.120Z (last answer: HTTP 503)");
    assertThat(PaymentStatusText.of(new PaymentStatus.Done("p-3", AT, "S", "SUCCESS", 1)))
        .isEqualTo("p-3: done at 2026-03-01T10:00:00.120Z, acknowledged S SUCCESS, 1 attempt");
    assertThat(
            PaymentStatusText.of(
                new PaymentStatus.DeadLettered(
                    "p-4", AT, "RETRIES_EXHAUSTED", 4, new Origin("payment-notify-dlq", 2, 17))))
        .isEqualTo(
            "p-4: dead-lettered at 2026-03-01T10:00:00.120Z as RETRIES_EXHAUSTED, 4 attempts;"
                + " DLQ record payment-notify-dlq/2/17 (dlq show p-4 tells the whole story)");
    assertThat(PaymentStatusText.of(new PaymentStatus.Unknown("p-5")))
        .isEqualTo("p-5: unknown: not in flight, not waiting, not finished within dedup.window");
  }

  @Test
  void shouldSayWhatWasNotRecordedInsteadOfInventingIt() {
    // when / then
    assertThat(PaymentStatusText.of(new PaymentStatus.InFlight("p-1", 1, null)))
        .isEqualTo("p-1: in flight since (not recorded) (attempt 1)");
    assertThat(PaymentStatusText.of(new PaymentStatus.Done("p-2", AT, null, null, null)))
        .isEqualTo(
            "p-2: done at 2026-03-01T10:00:00.120Z, acknowledged, code not recorded (finished"
                + " before this release)");
    assertThat(PaymentStatusText.of(new PaymentStatus.DeadLettered("p-3", AT, "REJECTED", 1, null)))
        .isEqualTo(
            "p-3: dead-lettered at 2026-03-01T10:00:00.120Z as REJECTED, 1 attempt; its DLQ record"
                + " is not indexed yet (dlq show p-3 tells the whole story)");
  }
}
