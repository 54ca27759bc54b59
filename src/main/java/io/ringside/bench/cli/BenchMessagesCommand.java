package io.ringside.bench.cli;

import io.ringside.bench.MessagesBenchmark;
import io.ringside.cli.DataCommandSupport;
import io.ringside.cli.ExitCodes;
import io.ringside.cli.VersionProvider;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside bench messages}: the message search against kcat | grep and a bare consumer loop. */
@Command(name = "messages", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Seed N JSON messages (about 230 bytes, 7%% failed) into one partition of a topic of its own,",
            "search for $.state == \"failed\" with Ringside's search, kcat -C -e | grep -c and a bare Java consumer",
            "loop with a substring test; medians of the rounds after one warm-up. The topic is deleted afterwards."})
final class BenchMessagesCommand implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--messages", defaultValue = "1000000", description = "Messages to seed (default ${DEFAULT-VALUE}).")
    long messages;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds; medians are printed (default ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() {
        if (messages <= 0 || rounds <= 0) {
            throw new IllegalArgumentException("--messages and --rounds must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MessagesBenchmark.Result r = DataCommandSupport.withBackends(bench.main(), backends -> {
            try {
                return new MessagesBenchmark(backends.kafkaProperties(), line -> {
                    err.println(line);
                    err.flush();
                }).run(messages, rounds);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("bench messages failed: " + e.getMessage(), e);
            }
        });
        out.printf(Locale.ROOT, "messages seeded                 %,d (%,d failed expected; %.1f s)%n", r.messages(),
                r.expectedMatches(), r.seedMs() / 1000);
        out.printf(Locale.ROOT, "Ringside search (%s)  %,.0f ms, %,d matches%n", MessagesBenchmark.CONDITION,
                r.searchMedian(), r.matches());
        out.printf(Locale.ROOT, "search, 32/64 MiB fetches       %,.0f ms%n", r.bigFetchMedian());
        out.printf(Locale.ROOT, "bare consumer + substring       %,.0f ms, %,d matches%n", r.bareMedian(), r.bareMatches());
        out.println(r.kcatMedian().map(ms -> String.format(Locale.ROOT, "kcat -C -e | grep -c            %,.0f ms, %,d matches",
                ms, r.kcatMatches())).orElse("kcat -C -e | grep -c            " + r.kcatNote()));
        out.println(r.kcatMedian().map(ms -> String.format(Locale.ROOT, "ratio search / kcat|grep        %.2fx (target <= 1.0)",
                r.searchMedian() / ms)).orElse("ratio search / kcat|grep        " + r.kcatNote()));
        out.printf(Locale.ROOT, "ratio search / bare consumer    %.2fx%n", r.searchMedian() / r.bareMedian());
        out.printf(Locale.ROOT, "first match after               %.1f ms (target < 200)%n", r.firstMatchMs());
        out.printf(Locale.ROOT, "RSS growth during a search      %,d MB the first (heap pages touched the first time), "
                + "%,d MB at most a later one (after seeding and GC %,d MB; target < 100)%n", r.firstSearchGrowthBytes() >> 20,
                (r.rssPeakBytes() - r.rssBeforeBytes()) >> 20, r.rssBeforeBytes() >> 20);
        out.println("FX-thread pauses while the Messages tab fills: not measured by this benchmark yet");
        out.flush();
        return r.matches() == r.expectedMatches() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
