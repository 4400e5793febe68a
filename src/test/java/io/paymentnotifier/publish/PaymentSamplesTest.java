package io.paymentnotifier.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.events.PaymentFinalized;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PaymentSamplesTest {

  @Test
  void shouldGenerateValidEventsWithUniqueIdsAndTheAskedShareOfFailedPayments() {
    // given
    final PaymentSamples samples = new PaymentSamples("run-1-", 0.25, 42L);
    // when
    final List<PaymentFinalized> events =
        LongStream.range(0, 2_000).mapToObj(samples::next).toList();
    // then
    assertThat(events).extracting(PaymentFinalized::getPaymentRequestId).doesNotHaveDuplicates();
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.getPaymentRequestId()).startsWith("run-1-").hasSizeLessThanOrEqualTo(64);
              assertThat(e.getPaymentAmount().getValue()).matches("[0-9]+");
              assertThat(e.getPaymentAmount().getCurrency()).matches("[A-Z]{3}");
              assertThat(OffsetDateTime.parse(e.getPaymentTime())).isNotNull();
              assertThat(e.getPaymentResult().getResultStatus()).isIn("S", "F");
            });
    final long failed =
        events.stream().filter(e -> e.getPaymentResult().getResultStatus().equals("F")).count();
    assertThat(failed).isBetween(400L, 600L);
    assertThat(events)
        .filteredOn(e -> e.getPaymentResult().getResultStatus().equals("F"))
        .extracting(e -> e.getPaymentResult().getResultCode())
        .allMatch(PaymentSamples.FAILED_PAYMENT_CODES::contains);
  }
}
