package io.paymentnotifier.publish;

import io.paymentnotifier.events.Amount;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.events.PaymentResult;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates realistic, valid {@code PaymentFinalized} events: unique payment request ids, a share
 * of failed payments with documented payment result codes, amounts in the currency's minor unit.
 */
public final class PaymentSamples {

  /** Payment result codes of failed payments (spec §6), picked at random for F events. */
  public static final List<String> FAILED_PAYMENT_CODES =
      List.of(
          "ORDER_IS_CLOSED",
          "USER_BALANCE_NOT_ENOUGH",
          "RISK_REJECT",
          "USER_NOT_EXIST",
          "UNAVAILABLE_PAYMENT_METHOD");

  private static final List<String> CURRENCIES = List.of("JPY", "KRW", "USD", "EUR", "SGD");
  private static final DateTimeFormatter PAYMENT_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final String idPrefix;
  private final double failedShare;
  private final SplittableRandom random;

  /**
   * @param idPrefix prefix of every paymentRequestId, so runs do not collide
   * @param failedShare fraction (0..1) of events whose payment failed (status F)
   * @param seed random seed, for repeatable samples
   */
  public PaymentSamples(final String idPrefix, final double failedShare, final long seed) {
    if (failedShare < 0 || failedShare > 1) {
      throw new IllegalArgumentException("failed share must be between 0 and 1: " + failedShare);
    }
    this.idPrefix = idPrefix;
    this.failedShare = failedShare;
    this.random = new SplittableRandom(seed);
  }

  /** A prefix unique to this run, e.g. {@code demo-5f3a9c-}. */
  public static String runPrefix(final String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 6) + "-";
  }

  /** The sample with sequence number {@code n}, occurred now. */
  public PaymentFinalized next(final long n) {
    final Instant now = Instant.now();
    final boolean failed = random.nextDouble() < failedShare;
    final String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
    return PaymentFinalized.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setOccurredAt(now.truncatedTo(ChronoUnit.MILLIS))
        .setSource("payment-notifier-samples")
        .setPaymentRequestId(idPrefix + String.format("%08d", n))
        .setPaymentId("pay-" + idPrefix + n)
        .setPaymentTime(PAYMENT_TIME.format(OffsetDateTime.ofInstant(now, ZoneOffset.ofHours(8))))
        .setPaymentResult(result(failed))
        .setPaymentAmount(new Amount(Long.toString(100 + random.nextInt(1_000_000)), currency))
        .setPayToAmount(null)
        .setCustomerId(Long.toString(1_000_000 + random.nextInt(9_000_000)))
        .setCustomsDeclarationAmount(null)
        .setNotifyUrl(null)
        .build();
  }

  private PaymentResult result(final boolean failed) {
    if (!failed) {
      return new PaymentResult("S", "SUCCESS", "success");
    }
    final String code = FAILED_PAYMENT_CODES.get(random.nextInt(FAILED_PAYMENT_CODES.size()));
    return new PaymentResult("F", code, null);
  }
}
