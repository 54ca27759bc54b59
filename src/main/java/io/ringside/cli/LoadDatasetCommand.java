package io.ringside.cli;

import io.ringside.core.data.dataset.DatasetKind;
import io.ringside.core.data.dataset.LoadResult;
import java.nio.file.Path;
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

    @Override
    public Integer call() {
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
        LoadResult result;
        try {
            result = DataCommandSupport.withStore(load.main(), store -> store.load(name, file, kind, progress));
        } finally {
            progress.endBar();
        }
        spec.commandLine().getErr().printf("Loaded %s version %d: %.1f MB in %.1f s (%.1f MB/s)%n", result.name(),
                result.version(), result.rawBytes() / 1e6, result.elapsed().toMillis() / 1000.0,
                result.megabytesPerSecond());
        spec.commandLine().getErr().flush();
        spec.commandLine().getOut().printf("%s\t%d\t%s\t%d chunks\t%d bytes\tsha256 %s%n", result.name(),
                result.version(), result.kind(), result.chunks(), result.rawBytes(), result.sha256());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** Accepts the kind in any case, as the help spells it. */
    static final class KindConverter implements picocli.CommandLine.ITypeConverter<DatasetKind> {
        @Override
        public DatasetKind convert(String value) {
            try {
                return DatasetKind.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("expected auto, idx or binary, not '" + value + "'");
            }
        }
    }
}
