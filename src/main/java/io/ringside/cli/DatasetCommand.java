package io.ringside.cli;

import io.ringside.Main;
import io.ringside.core.Json;
import io.ringside.core.MessageText;
import io.ringside.core.NotFoundException;
import io.ringside.core.data.dataset.DatasetManifest;
import io.ringside.core.data.dataset.DatasetStore;
import io.ringside.core.data.dataset.ExportResult;
import io.ringside.core.data.dataset.VerifyResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside dataset ...}: the stored datasets (load them with {@code load dataset}). */
@Command(name = "dataset", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List, verify, export and delete stored datasets.",
        subcommands = {DatasetCommand.ListVersions.class, DatasetCommand.Verify.class, DatasetCommand.Export.class,
            DatasetCommand.Delete.class})
public final class DatasetCommand {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Runs {@code work} on the dataset store with a progress bar on stderr, ended however the work ends. */
    <T> T withProgress(BiFunction<DatasetStore, ProgressPrinter, T> work) {
        ProgressPrinter progress = new ProgressPrinter(err());
        try {
            return DataCommandSupport.withStore(main, store -> work.apply(store, progress));
        } finally {
            progress.end();
        }
    }

    /** One manifest as {@code dataset list --json} prints it (snake_case, like every JSON here). */
    record ManifestJson(String name, int version, String kind, String status, long rawBytes, int chunkCount,
                        int chunkSize, String sha256, Map<String, String> meta, Instant created) {
        static ManifestJson of(DatasetManifest m) {
            return new ManifestJson(m.name(), m.version(), m.kind(), m.status().label(), m.rawBytes(), m.chunkCount(),
                    m.chunkSize(), m.sha256(), m.meta(), m.created());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Every version of every dataset, newest version first.")
    static final class ListVersions implements Callable<Integer> {
        @ParentCommand
        DatasetCommand dataset;

        @Option(names = "--json", description = "Print a JSON array instead of a table.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            List<DatasetManifest> all = DataCommandSupport.withStore(dataset.main, store -> store.list());
            PrintWriter out = dataset.out();
            if (json) {
                out.println(Json.mapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(all.stream().map(ManifestJson::of).toList()));
            } else {
                String format = "%-24s %7s %-7s %-9s %12s %6s  %-20s %s%n";
                out.printf(format, "NAME", "VERSION", "KIND", "STATUS", "BYTES", "CHUNKS", "CREATED", "DETAILS");
                for (DatasetManifest m : all) {
                    out.printf(format, m.name(), m.version(), m.kind(), m.status().label(), m.rawBytes(), m.chunkCount(),
                            m.created() == null ? "-" : m.created().toString().replaceFirst("\\.\\d+Z$", "Z"),
                            details(m));
                }
            }
            out.flush();
            return ExitCodes.OK;
        }

        private static String details(DatasetManifest m) {
            String failure = m.meta().get(DatasetManifest.META_FAILURE);
            if (failure != null) {
                return "failure: " + failure;
            }
            String shape = m.meta().containsKey("idx.count")
                    ? m.meta().get("idx.dtype") + " " + m.meta().get("idx.count") + " x " + m.meta().get("idx.dims") + " "
                    : "";
            return shape + (m.sha256() == null ? "" : "sha256 " + m.sha256().substring(0, 12));
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Re-read every chunk of a version and check each chunk's and the whole file's sha-256.",
                "Exit 0 when intact, 1 when a chunk is bad (each is listed on stdout)."})
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        DatasetCommand dataset;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--version", paramLabel = "V", description = "Version (default: the newest complete one).")
        Integer version;

        @Override
        public Integer call() {
            VerifyResult result = dataset.withProgress((store, progress) -> store.verify(name, version, progress));
            PrintWriter out = dataset.out();
            for (VerifyResult.BadChunk bad : result.badChunks()) {
                out.printf("bad chunk %d: %s%n", bad.seq(), bad.reason());
            }
            if (result.ok()) {
                out.printf("ok %s version %d: %s, sha256 %s%n", result.name(), result.version(),
                        DatasetManifest.size(result.rawBytes(), result.chunksChecked()), result.sha256());
            } else {
                out.printf("BAD %s version %d: %d of %d chunks bad%s%n", result.name(), result.version(),
                        result.badChunks().size(), result.chunksChecked(),
                        result.badChunks().isEmpty() ? ", whole sha-256 does not match" : "");
            }
            out.flush();
            return result.ok() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Write a complete version to FILE, byte-identical to the loaded file.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        DatasetCommand dataset;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "FILE")
        Path file;

        @Option(names = "--version", paramLabel = "V", description = "Version (default: the newest complete one).")
        Integer version;

        @Override
        public Integer call() {
            ExportResult result = dataset.withProgress((store, progress) -> store.export(name, version, file, progress));
            dataset.out().printf("%s\t%d\t%s\t%d bytes\tsha256 %s%n", result.name(), result.version(), result.target(),
                    result.bytes(), result.sha256());
            dataset.out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Delete one version (--version) or every version of a dataset. Needs --yes.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        DatasetCommand dataset;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--version", paramLabel = "V", description = "Only this version (default: all versions).")
        Integer version;

        @Option(names = "--yes", description = "Really delete; without it, only say what would be deleted.")
        boolean yes;

        @Override
        public Integer call() {
            if (!yes) {
                List<DatasetManifest> doomed = DataCommandSupport.withStore(dataset.main, store -> version == null
                        ? store.versions(name) : store.manifest(name, version).map(List::of).orElse(List.of()));
                if (doomed.isEmpty()) {
                    throw new NotFoundException(version == null ? "No dataset named '" + MessageText.quote(name) + "'"
                            : "Dataset '" + MessageText.quote(name) + "' has no version " + version);
                }
                dataset.err().printf("ringside: would delete %s; add --yes to delete%n", describe(doomed));
                dataset.err().flush();
                return ExitCodes.USAGE;
            }
            List<DatasetManifest> deleted = DataCommandSupport.withServices(dataset.main,
                    services -> DataCommandSupport.audited(dataset.main, services.backends(), "dataset.delete",
                            version == null ? name : name + ":" + version, d -> d.size(),
                            () -> services.deleteDataset(name, version), dataset.err()));
            dataset.out().printf("deleted %s%n", describe(deleted));
            dataset.out().flush();
            return ExitCodes.OK;
        }

        private static String describe(List<DatasetManifest> versions) {
            long chunks = versions.stream().mapToLong(DatasetManifest::chunkCount).sum();
            long bytes = versions.stream().mapToLong(DatasetManifest::rawBytes).sum();
            return "dataset '" + versions.get(0).name() + "' version" + (versions.size() == 1 ? " " : "s ")
                    + versions.stream().map(m -> m.version() + " (" + m.status().label() + ")")
                    .collect(Collectors.joining(", "))
                    + ": " + DatasetManifest.size(bytes, chunks);
        }
    }
}
