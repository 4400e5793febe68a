package io.paymentnotifier.devstack.stack;

import io.paymentnotifier.config.Topics;
import java.io.PrintWriter;

/** What the dev command prints once the stack is up: addresses, topics, and commands to try. */
final class DevInstructions {

  private final EmbeddedStack stack;
  private final int opsPort;
  private final Topics topics;

  DevInstructions(final EmbeddedStack stack, final int opsPort, final Topics topics) {
    this.stack = stack;
    this.opsPort = opsPort;
    this.topics = topics;
  }

  void print(final PrintWriter out) {
    final String kafka = stack.bootstrapServers();
    final String registry = stack.registryUrl();
    out.printf("%npayment-notifier dev stack is up (Ctrl-C stops it):%n");
    out.printf("  Kafka            %s%n", kafka);
    out.printf("  Schema Registry  %s%n", registry);
    out.printf("  Alipay+ sim      %s  (request counts: /stats)%n", stack.simulator().baseUrl());
    out.printf("  notifier ops     http://127.0.0.1:%d/health/ready  /metrics%n", opsPort);
    out.printf(
        "  topics           %s -> %s | %s | %s%n",
        topics.input(), topics.done(), topics.retry(), topics.dlq());
    printPublishing(out, kafka, registry);
    printWatching(out, kafka, registry);
    out.flush();
  }

  private void printPublishing(final PrintWriter out, final String kafka, final String registry) {
    out.printf("%nPublish payments:%n");
    out.printf(
        "  java -jar target/payment-notifier.jar publish -b %s -r %s --count 100%n",
        kafka, registry);
    out.printf(
        "  java -jar target/payment-notifier.jar publish -b %s -r %s --file payments.ndjson%n",
        kafka, registry);
    out.printf(
        "  kafka-console-producer.sh --bootstrap-server %s --topic %s --property parse.key=true"
            + " --property key.separator=:%n"
            + "    (plain text is not Avro: such a record lands in %s as UNDESERIALIZABLE)%n",
        kafka, topics.input(), topics.dlq());
  }

  private void printWatching(final PrintWriter out, final String kafka, final String registry) {
    out.printf("%nWatch the results:%n");
    out.printf("  kcat -b %s -C -t %s -s value=avro -r %s -e%n", kafka, topics.done(), registry);
    out.printf(
        "  kafka-console-consumer.sh --bootstrap-server %s --topic %s --from-beginning"
            + " --property print.key=true%n",
        kafka, topics.dlq());
    out.printf("  java -jar target/payment-notifier.jar dlq list -b %s -r %s%n", kafka, registry);
    out.printf(
        "%nAvro producers (kafka-avro-console-producer, any Confluent client) register with %s;"
            + " key the records by paymentRequestId (a string).%n",
        registry);
  }
}
