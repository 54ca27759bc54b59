package io.ringside.cli;

import io.ringside.core.MessageText;
import io.ringside.core.data.cache.CacheRead;
import io.ringside.core.data.cache.CacheWarmer;
import io.ringside.core.data.dataset.DatasetChunkCache;
import io.ringside.core.data.dataset.DatasetManifest;
import io.ringside.core.NotFoundException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside warm dataset}: loads every chunk of a complete dataset version into Redis. */
@Command(name = "dataset", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Cache every chunk of a dataset version (default: the newest complete one).")
final class WarmDatasetCommand implements Callable<Integer> {

    @ParentCommand
    WarmCommand warm;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--version", paramLabel = "V")
    Integer version;

    @Option(names = "--rate", paramLabel = "CHUNKS/S", defaultValue = "20",
            description = "At most this many chunk reads from Cassandra a second (default ${DEFAULT-VALUE}, ~100 MB/s).")
    double rate;

    @Option(names = "--dry-run", description = "Only say what would be warmed.")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return DataCommandSupport.withServices(warm.main(), services -> {
            DatasetManifest manifest = version == null
                    ? services.datasetStore().newestComplete(name).orElseThrow(
                            () -> new NotFoundException("Dataset '" + MessageText.quote(name) + "' has no complete version"))
                    : services.datasetStore().manifest(name, version).filter(DatasetManifest::complete).orElseThrow(
                            () -> new NotFoundException("Dataset '" + MessageText.quote(name) + "' has no complete version " + version));
            if (dryRun) {
                out.printf(Locale.ROOT, "would warm %d chunks of %s version %d%n", manifest.chunkCount(),
                        manifest.name(), manifest.version());
                out.flush();
                return ExitCodes.OK;
            }
            DatasetChunkCache chunks = services.datasetChunkCache();
            List<Supplier<CacheRead<?>>> reads = new ArrayList<>();
            for (int seq = 0; seq < manifest.chunkCount(); seq++) {
                int s = seq;
                reads.add(() -> chunks.chunk(manifest.name(), manifest.version(), s));
            }
            CacheWarmer.Summary summary = DataCommandSupport.audited(warm.main(), services.backends(), "cache.warm",
                    "dataset " + manifest.name() + ":" + manifest.version(), CacheWarmer.Summary::total,
                    () -> WarmCommand.warm(services, reads, rate, "chunks", err), err);
            out.printf(Locale.ROOT, "%s version %d: %d chunks, %d loaded, %d already cached, %d missing%n",
                    manifest.name(), manifest.version(), summary.total(), summary.loaded(), summary.alreadyCached(),
                    summary.absent());
            out.flush();
            return summary.absent() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        });
    }
}
