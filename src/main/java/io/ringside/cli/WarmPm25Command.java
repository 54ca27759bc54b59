package io.ringside.cli;

import io.ringside.core.data.cache.CacheRead;
import io.ringside.core.data.cache.CacheWarmer;
import io.ringside.core.data.pm25.Pm25Cache;
import io.ringside.core.kafka.AuditTarget;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside warm pm25}: loads the location-years of a date range into Redis. */
@Command(name = "pm25", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Cache the daily PM2.5 series of locations over a date range (one key per location-year).")
final class WarmPm25Command implements Callable<Integer> {

    @ParentCommand
    WarmCommand warm;

    @Spec
    CommandSpec spec;

    @Option(names = "--location", paramLabel = "NAME", description = "Location (repeatable); default: every location.")
    List<String> locations = new ArrayList<>();

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate to;

    @Option(names = "--rate", paramLabel = "KEYS/S", defaultValue = "50",
            description = "At most this many Cassandra reads a second (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--dry-run", description = "Only say what would be warmed.")
    boolean dryRun;

    @Override
    public Integer call() {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DataCommandSupport.withServices(warm.main(), services -> {
            List<String> targets = locations.isEmpty() ? services.pm25Store().locations() : locations;
            if (dryRun) {
                int years = to.getYear() - from.getYear() + 1;
                out.printf(Locale.ROOT, "would warm %d keys (%d locations x %d years)%n", targets.size() * years,
                        targets.size(), years);
                out.flush();
                return null;
            }
            Pm25Cache pm25 = services.pm25Cache();
            List<Supplier<CacheRead<?>>> reads = new ArrayList<>();
            for (String location : targets) {
                for (int year = from.getYear(); year <= to.getYear(); year++) {
                    int y = year;
                    reads.add(() -> pm25.year(location, y));
                }
            }
            String target = "pm25 " + from + ".." + to + " "
                    + (locations.isEmpty() ? "all locations" : AuditTarget.list(locations, " | "));
            CacheWarmer.Summary summary = DataCommandSupport.audited(warm.main(), services.backends(), "cache.warm",
                    target, CacheWarmer.Summary::total, () -> WarmCommand.warm(services, reads, rate, "keys", err), err);
            out.printf(Locale.ROOT, "keys %d: %d loaded, %d already cached, %d without rows%n", summary.total(),
                    summary.loaded(), summary.alreadyCached(), summary.absent());
            out.flush();
            err.flush();
            return summary;
        });
        return ExitCodes.OK;
    }
}
