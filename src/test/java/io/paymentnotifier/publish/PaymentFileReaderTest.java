package io.paymentnotifier.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.events.Amount;
import io.paymentnotifier.events.PaymentFinalized;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaymentFileReaderTest {

  /** The Alipay+ notifyPayment sample request (spec §4), on one line. */
  private static final String SAMPLE_REQUEST =
      "{\"paymentResult\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\","
          + "\"resultMessage\":\"success\"},\"paymentRequestId\":\"20200101234567890132\","
          + "\"paymentId\":\"202001012345678901322222\",\"paymentTime\":\"2020-01-01T12:01:01+08:30\","
          + "\"paymentAmount\":{\"value\":\"100\",\"currency\":\"JPY\"},"
          + "\"payToAmount\":{\"value\":\"1000\",\"currency\":\"KRW\"},\"customerId\":\"1234567\"}";

  @TempDir Path dir;

  @Test
  void shouldReadTheAlipaySampleRequestAsAnEvent() throws Exception {
    // given
    final Path file = write("one.ndjson", SAMPLE_REQUEST);
    // when
    final List<PaymentFileReader.Entry> entries = PaymentFileReader.read(file);
    // then
    assertThat(entries).hasSize(1);
    final PaymentFinalized event = entries.get(0).event();
    assertThat(event.getPaymentRequestId()).isEqualTo("20200101234567890132");
    assertThat(event.getPaymentId()).isEqualTo("202001012345678901322222");
    assertThat(event.getPaymentTime()).isEqualTo("2020-01-01T12:01:01+08:30");
    assertThat(event.getPaymentResult().getResultStatus()).isEqualTo("S");
    assertThat(event.getPaymentResult().getResultCode()).isEqualTo("SUCCESS");
    assertThat(event.getPaymentResult().getResultMessage()).isEqualTo("success");
    assertThat(event.getPaymentAmount()).isEqualTo(new Amount("100", "JPY"));
    assertThat(event.getPayToAmount()).isEqualTo(new Amount("1000", "KRW"));
    assertThat(event.getCustomerId()).isEqualTo("1234567");
    assertThat(event.getEventId()).isNotBlank();
    assertThat(event.getCustomsDeclarationAmount()).isNull();
  }

  @Test
  void shouldReportEachInvalidLineByItsNumberAndKeepTheValidOnes() throws Exception {
    // given
    final Path file =
        write(
            "mixed.ndjson",
            "# payments of the day",
            SAMPLE_REQUEST,
            "",
            SAMPLE_REQUEST.replace("\"paymentId\":\"202001012345678901322222\",", ""),
            "{not json",
            SAMPLE_REQUEST.replace("\"100\"", "100"));
    // when
    final List<PaymentFileReader.Entry> entries = PaymentFileReader.read(file);
    // then
    assertThat(entries).extracting(PaymentFileReader.Entry::line).containsExactly(2L, 4L, 5L, 6L);
    assertThat(entries)
        .extracting(PaymentFileReader.Entry::valid)
        .containsExactly(true, false, false, false);
    assertThat(entries.get(1).error()).isEqualTo("paymentId is required");
    assertThat(entries.get(2).error()).startsWith("not valid JSON");
    assertThat(entries.get(3).error()).isEqualTo("paymentAmount.value must be a JSON string");
  }

  @Test
  void shouldReadAJsonArrayNamingTheLineOfAnInvalidElement() throws Exception {
    // given
    final Path file =
        write(
            "array.json",
            "[",
            "  " + SAMPLE_REQUEST + ",",
            "  " + SAMPLE_REQUEST.replace("\"paymentResult\"", "\"result\""),
            "]");
    // when
    final List<PaymentFileReader.Entry> entries = PaymentFileReader.read(file);
    // then
    assertThat(entries).extracting(PaymentFileReader.Entry::line).containsExactly(2L, 3L);
    assertThat(entries.get(0).valid()).isTrue();
    assertThat(entries.get(1).error()).isEqualTo("paymentResult is required and must be an object");
  }

  private Path write(final String name, final String... lines) throws Exception {
    return Files.write(dir.resolve(name), List.of(lines), StandardCharsets.UTF_8);
  }
}
