package io.paymentnotifier.cli;

import io.paymentnotifier.dlq.DlqFilter;
import io.paymentnotifier.dlq.DlqReader;
import io.paymentnotifier.dlq.DlqRecord;
import io.paymentnotifier.dlq.DlqReplayer;
import io.paymentnotifier.dlq.DlqReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Operates the dead-letter topic of any cluster: list, show, replay, stats. */
@Command(
    name = "dlq",
    mixinStandardHelpOptions = true,
    description = "Looks into and replays the dead-letter topic.",
    subcommands = {
      DlqCommand.ListCommand.class,
      DlqCommand.ShowCommand.class,
      DlqCommand.ReplayCommand.class,
      DlqCommand.StatsCommand.class
    })
public final class DlqCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The options every dlq subcommand takes. */
  abstract static class DlqSubcommand implements Callable<Integer> {
    @Mixin ClusterOptions cluster;

    @Spec CommandSpec spec;

    @Option(names = "--topic", description = "DLQ topic (default: topic.dlq of the config).")
    String topic;

    String dlqTopic() {
      return topic != null ? topic : cluster.topics().dlq();
    }

    List<DlqRecord> read(final DlqFilter filter) {
      return new DlqReader(cluster.clientProperties(), cluster.registryConfig())
          .read(dlqTopic(), filter::matches);
    }

    PrintWriter out() {
      return spec.commandLine().getOut();
    }
  }

  /** dlq list. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists DLQ records.")
  static final class ListCommand extends DlqSubcommand {
    @Mixin DlqFilterOptions filters;

    @Override
    public Integer call() {
      DlqReport.table(read(filters.filter()), out());
      return 0;
    }
  }

  /** dlq show KEY. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Shows every DLQ record of a payment with its full attempt history.")
  static final class ShowCommand extends DlqSubcommand {
    @Parameters(paramLabel = "KEY", description = "The paymentRequestId.")
    String key;

    @Override
    public Integer call() {
      final List<DlqRecord> records = read(new DlqFilter(null, null, null, null, key));
      if (records.isEmpty()) {
        spec.commandLine().getErr().printf("no DLQ record for key %s in %s%n", key, dlqTopic());
        return 1;
      }
      final DlqReplayer replayer =
          new DlqReplayer(
              cluster.clientProperties(), cluster.registryConfig(), dlqTopic(), inputTopic());
      DlqReport.history(records, replayer.replayed(), out());
      return 0;
    }

    private String inputTopic() {
      return cluster.topics().input();
    }
  }

  /** dlq replay. */
  @Command(
      name = "replay",
      mixinStandardHelpOptions = true,
      description = {
        "Re-publishes the original events of matching DLQ records to the input topic, with a"
            + " dlq-replay-of header naming the DLQ record (whose history stays in the DLQ).",
        "Each DLQ record is replayed at most once: a ledger topic (<dlq>-replays), written in the"
            + " same transaction, remembers it."
      })
  static final class ReplayCommand extends DlqSubcommand {
    @Mixin DlqFilterOptions filters;

    @Option(names = "--dry-run", description = "Show what would be replayed; publish nothing.")
    boolean dryRun;

    @Option(
        names = "--rate",
        defaultValue = "50",
        description = "Events per second at most; 0 for no limit (${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--input-topic", description = "Where to replay (default: topic.input).")
    String inputTopic;

    @Override
    public Integer call() {
      final String input = inputTopic != null ? inputTopic : cluster.topics().input();
      final DlqReplayer.Result result =
          new DlqReplayer(cluster.clientProperties(), cluster.registryConfig(), dlqTopic(), input)
              .replay(filters.filter(), dryRun, rate);
      DlqReport.table(result.replayed(), out());
      out()
          .printf(
              "%s %d record(s) to %s; skipped %d already replayed, %d without an event%n",
              dryRun ? "Would replay" : "Replayed",
              result.replayed().size(),
              input,
              result.alreadyReplayed().size(),
              result.notReplayable().size());
      return 0;
    }
  }

  /** dlq stats. */
  @Command(
      name = "stats",
      mixinStandardHelpOptions = true,
      description = "Counts DLQ records by reason and last result code.")
  static final class StatsCommand extends DlqSubcommand {
    @Mixin DlqFilterOptions filters;

    @Override
    public Integer call() {
      DlqReport.stats(read(filters.filter()), out());
      return 0;
    }
  }
}
