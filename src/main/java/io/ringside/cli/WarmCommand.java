package io.ringside.cli;

import io.ringside.Main;
import io.ringside.core.data.DataServices;
import io.ringside.core.data.cache.CacheRead;
import io.ringside.core.data.cache.CacheWarmer;
import io.ringside.core.data.cache.RateLimiter;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code ringside warm ...}: fill the Redis cache ahead of use. */
@Command(name = "warm", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Fill the Redis cache ahead of use, rate-limited so Cassandra is not flooded.",
        subcommands = {
            WarmPm25Command.class,
            WarmDatasetCommand.class,
        })
public final class WarmCommand {

    @ParentCommand
    Main main;

    Main main() {
        return main;
    }

    /** Runs the reads at the given rate with a progress line on stderr. */
    static CacheWarmer.Summary warm(DataServices services, List<Supplier<CacheRead<?>>> reads, double rate, String unit,
                                    PrintWriter err) {
        CacheWarmer.Summary summary = services.cacheWarmer(new RateLimiter(rate)).warm(reads, done -> {
            err.printf(Locale.ROOT, "\rwarmed %d/%d %s", done, reads.size(), unit);
            err.flush();
        });
        err.println();
        err.flush();
        return summary;
    }
}
