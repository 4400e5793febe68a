package io.paymentnotifier.cli;

import io.paymentnotifier.avro.AvroStringSerializer;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.publish.EventPublisher;
import io.paymentnotifier.publish.Pacer;
import io.paymentnotifier.publish.PaymentFileReader;
import io.paymentnotifier.publish.PaymentSamples;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Publishes PaymentFinalized events (generated samples or a JSON file) to any cluster. */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Publishes PaymentFinalized events to the input topic, keyed by paymentRequestId, Avro in"
          + " the Confluent wire format.",
      "Without --file: generated samples. With --file: NDJSON (one object per line) or a JSON"
          + " array, fields as in the Alipay+ notifyPayment sample request; an invalid line is"
          + " reported with its number and not sent."
    })
public final class PublishCommand implements Callable<Integer> {

  @Mixin ClusterOptions cluster;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--topic", description = "Input topic (default: topic.input of the config).")
  String topic;

  @Option(names = "--file", paramLabel = "FILE", description = "NDJSON or JSON array of events.")
  Path file;

  @Option(
      names = "--count",
      defaultValue = "100",
      description = "Samples to generate (${DEFAULT-VALUE}).")
  long count;

  @Option(
      names = "--rate",
      defaultValue = "0",
      description = "Events per second; 0 publishes as fast as possible (${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--failed-share",
      defaultValue = "0.2",
      description = "Share of generated payments that failed, status F (${DEFAULT-VALUE}).")
  double failedShare;

  /** How the paymentRequestId key is written. */
  enum KeyFormat {
    /** Plain UTF-8, as Kafka's StringSerializer writes it. */
    STRING,
    /** The Confluent Avro wire format, as KafkaAvroSerializer writes a String key. */
    AVRO
  }

  @Option(
      names = "--key-format",
      defaultValue = "STRING",
      description =
          "STRING (plain UTF-8) or AVRO (Confluent wire format, schema \"string\" under"
              + " <topic>-key, as KafkaAvroSerializer writes a String) (${DEFAULT-VALUE}).")
  KeyFormat keyFormat;

  @Option(
      names = "--id-prefix",
      description = "Prefix of generated paymentRequestIds (default: a unique one per run).")
  String idPrefix;

  @Override
  public Integer call() throws IOException {
    final PrintWriter err = spec.commandLine().getErr();
    final String target = topic != null ? topic : cluster.topics().input();
    final Iterator<PaymentFinalized> events;
    final long invalid;
    if (file != null) {
      final List<PaymentFileReader.Entry> entries = PaymentFileReader.read(file);
      entries.stream()
          .filter(e -> !e.valid())
          .forEach(e -> err.printf("%s line %d: %s (not sent)%n", file, e.line(), e.error()));
      invalid = entries.stream().filter(e -> !e.valid()).count();
      events =
          entries.stream().filter(PaymentFileReader.Entry::valid).map(e -> e.event()).iterator();
    } else {
      invalid = 0;
      events = samples();
    }
    return publish(target, events, invalid);
  }

  private int publish(
      final String target, final Iterator<PaymentFinalized> events, final long invalid) {
    final long started = System.nanoTime();
    try (EventPublisher publisher =
        new EventPublisher(
            cluster.clientProperties(), cluster.registryConfig(), target, keySerializer())) {
      final Pacer pacer = new Pacer(rate);
      long sent = 0;
      while (events.hasNext()) {
        pacer.await();
        publisher.send(events.next());
        sent++;
      }
      publisher.flush();
      spec.commandLine()
          .getOut()
          .printf(
              "Published %d of %d events to %s in %.1f s%s%n",
              publisher.acknowledged(),
              sent,
              target,
              (System.nanoTime() - started) / 1e9,
              invalid > 0 ? "; " + invalid + " invalid entr(ies) not sent" : "");
      if (publisher.failed() > 0) {
        spec.commandLine()
            .getErr()
            .printf("%d event(s) failed: %s%n", publisher.failed(), publisher.firstError());
      }
      return publisher.failed() == 0 && invalid == 0 ? 0 : 1;
    }
  }

  private Serializer<String> keySerializer() {
    return keyFormat == KeyFormat.AVRO ? new AvroStringSerializer() : new StringSerializer();
  }

  private Iterator<PaymentFinalized> samples() {
    final String prefix = idPrefix != null ? idPrefix : PaymentSamples.runPrefix("sample");
    final PaymentSamples samples = new PaymentSamples(prefix, failedShare, System.nanoTime());
    return LongStream.range(0, count).mapToObj(samples::next).iterator();
  }
}
