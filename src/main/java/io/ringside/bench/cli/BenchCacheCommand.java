package io.ringside.bench.cli;

import io.ringside.bench.Pm25CacheBench;
import io.ringside.cli.DataCommandSupport;
import io.ringside.cli.ExitCodes;
import io.ringside.cli.VersionProvider;
import io.ringside.core.data.pm25.DailyPm25;
import io.ringside.core.data.pm25.Pm25Store;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ringside bench cache}: a one-year PM2.5 series from Cassandra directly vs from the cache
 * vs a bare GET. Without {@code --location} it writes a synthetic year of 365 days under the
 * location {@code bench:synthetic} so it runs on an empty stack.
 */
@Command(name = "cache", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Read one PM2.5 location-year from Cassandra vs through the cache; print p50/p99 and ratios.")
final class BenchCacheCommand implements Callable<Integer> {

    static final String SYNTHETIC = "bench:synthetic";

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--location", paramLabel = "NAME", description = "An existing location (default: a synthetic one).")
    String location;

    @Option(names = "--year", defaultValue = "2016", description = "Year to read (default ${DEFAULT-VALUE}).")
    int year;

    @Option(names = "--iterations", defaultValue = "2000", description = "Reads per method (default ${DEFAULT-VALUE}).")
    int iterations;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DataCommandSupport.withServices(bench.main(), services -> {
            Pm25Store store = services.pm25Store();
            store.ensureSchema();
            String target = location == null ? SYNTHETIC : location;
            if (location == null) {
                store.writeDays(syntheticYear(year));
            }
            try {
                Pm25CacheBench.Result result = Pm25CacheBench.run(store::readYear, services.pm25Cache(),
                        services.backends().redis(), target, year, iterations);
                result.report().forEach(out::println);
                out.flush();
            } finally {
                if (location == null) {
                    // leave no synthetic series behind for 'pm25 locations' and warm-ups to find
                    store.deleteDaily(SYNTHETIC);
                    services.pm25Cache().invalidate(SYNTHETIC, List.of(year));
                }
            }
            return null;
        });
        return ExitCodes.OK;
    }

    static List<DailyPm25> syntheticYear(int year) {
        List<DailyPm25> days = new ArrayList<>();
        LocalDate day = LocalDate.of(year, 1, 1);
        for (int i = 0; i < 365; i++, day = day.plusDays(1)) {
            double avg = 40 + 30 * Math.sin(i / 58.0) + (i % 7);
            days.add(new DailyPm25(SYNTHETIC, day, avg, avg * 0.6, avg * 1.7, 24));
        }
        return days;
    }
}
