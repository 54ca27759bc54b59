package io.ringside.cli;

import io.ringside.core.data.dataset.DatasetKind;
import io.ringside.core.data.dataset.DatasetStore;
import io.ringside.core.jobs.LoadDatasetOptions;
import io.ringside.core.jobs.JobState;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside load dataset NAME FILE}: stores a file as the next version of a dataset. */
@Command(name = "dataset", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Store FILE as the next version of dataset NAME, in gzip chunks of at most 5 MiB.",
            "Runs as a job: a worker (this process when none is alive) loads it; progress comes from Kafka.",
            "IDX files (MNIST, Fashion-MNIST; gzipped or not) are checked whole first and their shape recorded."})
public final class LoadDatasetCommand implements Callable<Integer> {

    @ParentCommand
    LoadCommand load;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Dataset name (letters, digits, '.', '_', '-').")
    String name;

    @Parameters(index = "1", paramLabel = "FILE", description = "The file to store (stored byte for byte).")
    Path file;

    @Option(names = "--kind", paramLabel = "auto|idx|binary", defaultValue = "auto", converter = KindConverter.class,
            description = "auto (default): IDX if the header parses, else binary; idx: reject anything else.")
    DatasetKind kind;

    @Option(names = "--rate", paramLabel = "MBPS",
            description = "Write at most MBPS megabytes a second (default: as fast as Cassandra takes it).")
    Double rate;

    @Option(names = "--no-wait", description = "Submit the job, print its id as the last line and return.")
    boolean noWait;

    @Override
    public Integer call() {
        DatasetStore.requireValidName(name);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("Cannot read " + file + ": no such file");
        }
        if (rate != null && !(rate > 0)) {
            throw new IllegalArgumentException("--rate must be a positive number of MB/s, not " + rate);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return JobCommandSupport.submitAndFollow(load.main(), out, err,
                List.of(file.toAbsolutePath().normalize().toString()), new LoadDatasetOptions(name, kind, rate), noWait, (services, end) -> {
                    if (end.state() != JobState.SUCCEEDED) {
                        return;
                    }
                    err.println(end.message());
                    err.flush();
                    services.datasetStore().versionOfJob(name, end.jobId().toString()).ifPresent(m ->
                            out.printf(Locale.ROOT, "%s\t%d\t%s\t%d chunks\t%d bytes\tsha256 %s%n", m.name(), m.version(),
                                    m.kind(), m.chunkCount(), m.rawBytes(), m.sha256()));
                });
    }

    /** Accepts the kind in any case, as the help spells it. */
    static final class KindConverter implements picocli.CommandLine.ITypeConverter<DatasetKind> {
        @Override
        public DatasetKind convert(String value) {
            try {
                return DatasetKind.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
