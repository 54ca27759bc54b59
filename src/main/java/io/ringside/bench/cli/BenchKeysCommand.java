package io.ringside.bench.cli;

import io.ringside.bench.KeyListingBenchmark;
import io.ringside.bench.ui.CacheUiBenchmark;
import io.ringside.bench.ui.FxThreadCpu;
import io.ringside.cli.DataCommandSupport;
import io.ringside.cli.ExitCodes;
import io.ringside.cli.HeadlessFx;
import io.ringside.cli.VersionProvider;
import io.ringside.core.BuildInfo;
import io.ringside.core.connect.RedisMaster;
import io.ringside.core.redis.RedisServices;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ringside bench keys}: the key browser's full listing with metadata against
 * {@code redis-cli --scan} and a bare Jedis SCAN loop of names, on a seeded database of its own.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The key listing against bare SCANs, and the Cache page's FX-thread CPU per pulse while it fills.",
            "Seeds N keys (mixed types, 30%% with a TTL) in an empty Redis database, lists them with type, TTL",
            "and size through the key browser's scanner, and compares with redis-cli --scan and a bare Jedis",
            "SCAN COUNT 1000 loop of names; then (unless --no-ui) fills the Cache page's table twice and prints",
            "its FX pauses and the FX thread's CPU time per pulse (target p99 <= 16 ms, max <= 50 ms). The",
            "database is flushed afterwards."})
final class BenchKeysCommand implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--keys", defaultValue = "1000000", description = "Keys to seed (default ${DEFAULT-VALUE}).")
    long keys;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds; medians are printed (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--db", defaultValue = "15", description = "Redis database to seed; must be empty (default ${DEFAULT-VALUE}).")
    int database;

    @Option(names = "--no-ui", description = "Skip the Cache page's figures (FX pauses while its table fills, RSS).")
    boolean noUi;

    @Override
    public Integer call() {
        if (keys <= 0 || rounds <= 0) {
            throw new IllegalArgumentException("--keys and --rounds must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> progress = line -> {
            err.println(line);
            err.flush();
        };
        CacheUiBenchmark.Figures[] ui = new CacheUiBenchmark.Figures[1];
        if (!noUi) {
            HeadlessFx.configureIfNeeded(err);
        }
        KeyListingBenchmark.Result r = DataCommandSupport.withBackends(bench.main(), backends -> {
            // a sentinel profile's endpoint is a sentinel: the keys live on the master it names
            RedisMaster master = backends.redisMaster();
            return new KeyListingBenchmark(master.host(), master.port(), database).run(keys, rounds,
                    progress, redis -> {
                        if (!noUi) {
                            ui[0] = new CacheUiBenchmark(progress).run(new RedisServices(() -> redis, () -> null, () -> true),
                                    Math.min(keys, CacheUiBenchmark.MAX_ROWS),
                                    Duration.ofMinutes(10));
                        }
                    });
        });
        out.printf(Locale.ROOT, "keys seeded                          %,d (%.1f s)%n", r.keys(), r.seedMs() / 1000.0);
        out.printf(Locale.ROOT, "browser listing, type/TTL            %,.0f ms%n", r.browserMs());
        out.printf(Locale.ROOT, "full listing, type/TTL/size (keys)   %,.0f ms%n", r.fullMs());
        out.printf(Locale.ROOT, "bare Jedis SCAN COUNT 1000, names    %,.0f ms%n", r.bareScanMs());
        out.println(r.redisCliMs().map(ms -> String.format(Locale.ROOT, "redis-cli --scan, names              %,.0f ms", ms))
                .orElse("redis-cli --scan, names              " + r.redisCliNote()));
        out.printf(Locale.ROOT, "ratio browser / bare SCAN            %.2fx (target <= 2.0)%n", r.browserToBareScan());
        out.printf(Locale.ROOT, "ratio full / bare SCAN               %.2fx%n", r.fullToBareScan());
        out.printf(Locale.ROOT, "Redis CPU: browser %,.0f ms, full %,.0f ms, bare SCAN %,.0f ms (ratios %.2fx, %.2fx)%n",
                r.serverCpu().browserMs(), r.serverCpu().fullMs(), r.serverCpu().bareScanMs(),
                r.serverCpu().browserToBareScan(), r.serverCpu().fullToBareScan());
        out.println(r.browserToRedisCli().map(x -> String.format(Locale.ROOT, "ratio browser / redis-cli            %.2fx (target <= 0.5)", x))
                .orElse("ratio browser / redis-cli            " + r.redisCliNote()));
        out.println(r.fullToRedisCli().map(x -> String.format(Locale.ROOT, "ratio full / redis-cli               %.2fx", x))
                .orElse("ratio full / redis-cli               " + r.redisCliNote()));
        out.printf(Locale.ROOT, "first 1,000 rows after               %.1f ms (target < 150)%n", r.firstRowsMs());
        out.printf(Locale.ROOT, "RSS after listing (rows kept)        %,d MB (max heap %,d MB; target < 400)%n",
                r.rssAfterListingBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        if (ui[0] != null) {
            CacheUiBenchmark.Figures f = ui[0];
            List<String> console = BuildInfo.consoleJvmOptions();
            boolean asConsole = ManagementFactory.getRuntimeMXBean().getInputArguments().containsAll(console);
            out.printf(Locale.ROOT, "Cache page: this JVM runs %s the console's JVM options (%s)%s%n",
                    asConsole ? "with" : "WITHOUT", String.join(" ", console),
                    asConsole ? "" : ": pass them to java, as the launchers do, for the console's RSS");
            out.printf(Locale.ROOT, "Cache page opened: longest FX pause %.1f ms (FXML, first layout, the key table's "
                    + "rows made; not part of the target)%n", f.openPauseMillis());
            printFill(out, "first listing", f.first());
            printFill(out, "listing again", f.again());
            out.println(FxThreadCpu.verdict(f.first().pulses().cpu().met() && f.again().pulses().cpu().met()));
            out.printf(Locale.ROOT, "Cache page: RSS with the rows held %,d MB (heap used %,d MB, max heap %,d MB; "
                    + "target < 400)%n", f.rssBytes() >> 20, f.heapUsedBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void printFill(PrintWriter out, String which, CacheUiBenchmark.Fill f) {
        out.printf(Locale.ROOT, "Cache page, %s: %,d rows in %,.0f ms; %s; longest FX pause after its first %d s "
                        + "%.1f ms%n", which, f.rows(), f.fillMillis(), f.pulses().describe(),
                CacheUiBenchmark.LISTING_START.toSeconds(), f.longestPauseAfterStartMillis());
    }
}
