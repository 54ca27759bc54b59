package io.ringside.bench.cli;

import io.ringside.bench.ui.FxThreadCpu;
import io.ringside.bench.ui.StreamsUiBenchmark;
import io.ringside.cli.DataCommandSupport;
import io.ringside.cli.ExitCodes;
import io.ringside.cli.HeadlessFx;
import io.ringside.cli.VersionProvider;
import io.ringside.core.RingsideException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ringside bench messages-ui}: the FX thread's work on the Streams page's Messages tab while
 * a search streams its matches in and while pages are browsed, judged by the FX thread's own CPU
 * per pulse ({@link FxThreadCpu}).
 */
@Command(name = "messages-ui", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The Streams page's FX-thread CPU per pulse while a message search streams and pages are browsed.",
            "Seeds --messages progress-like JSON messages into a topic of its own, opens the Streams page's Messages",
            "tab, searches $.state == \"failed\" (7 in 100 match), then every message (the first 1,000 kept), then",
            "browses 30 pages back from the newest; prints per phase the FX pauses and the FX thread's CPU per pulse",
            "(target p99 <= 16 ms, max <= 50 ms). The topic is deleted afterwards."})
public final class BenchMessagesUiCommand implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "50000",
            description = "Messages to seed and search (default: ${DEFAULT-VALUE}).")
    long messages;

    @Override
    public Integer call() {
        if (messages < 3000) {
            throw new IllegalArgumentException("--messages must be at least 3000 (30 pages of 100)");
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        HeadlessFx.configureIfNeeded(err);
        StreamsUiBenchmark.Figures figures = DataCommandSupport.withBackends(bench.main(), backends -> {
            try {
                return new StreamsUiBenchmark(backends.kafkaProperties(), line -> {
                    err.println("bench messages-ui: " + line);
                    err.flush();
                }).run(messages);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new RingsideException("bench messages-ui failed: " + e.getMessage(), e);
            }
        });
        out.printf(Locale.ROOT, "search\t%,d messages\t%d matches shown\t%.1f s%n", figures.messages(),
                figures.searchMatches(), figures.searchSeconds());
        out.println("Messages tab opened (not judged: the page's first layout)\t" + figures.opened().describe());
        boolean met = figures.search().print(out, "search $.state == \"failed\" (matches streaming)");
        met &= figures.searchAll().print(out, "search matching every message");
        met &= figures.browse().print(out, "browse " + figures.pages() + " pages of 100");
        out.println(FxThreadCpu.verdict(met));
        out.flush();
        return ExitCodes.OK;
    }
}
