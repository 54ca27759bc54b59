package io.ringside.bench.cli;

import io.ringside.bench.DatasetBenchmark;
import io.ringside.cli.DataCommandSupport;
import io.ringside.cli.ExitCodes;
import io.ringside.cli.VersionProvider;
import io.ringside.core.NotFoundException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside bench dataset}: the dataset store against bare blob inserts of the same bytes. */
@Command(name = "dataset", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The dataset store's load rate against bare blob inserts of the same file (target >= 0.8x).",
            "Loads a file through the dataset store (gzip chunks, manifest, read-back verification) and as bare",
            "blob inserts into a scratch table; prints both rates in MB/s, their ratio, and the CPU time this JVM",
            "spent on each side."})
public final class BenchDatasetCommand implements Callable<Integer> {

    static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz");

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--file", paramLabel = "FILE",
            description = "File to load (default: Fashion-MNIST train images from the dataset-fashion-mnist package).")
    Path file;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1", description = "Unmeasured rounds first (default: ${DEFAULT-VALUE}).")
    int warmups;

    /** The benchmark input: {@code file}, else Fashion-MNIST from its Debian package; it must exist. */
    static Path input(Path file) {
        Path input = file != null ? file : FASHION_MNIST;
        if (!Files.isRegularFile(input)) {
            throw new NotFoundException("No benchmark input at " + input + (file == null
                    ? " (install the Debian package dataset-fashion-mnist, or pass --file)" : ""));
        }
        return input;
    }

    @Override
    public Integer call() {
        Path input = input(file);
        if (rounds < 1 || warmups < 0) {
            throw new IllegalArgumentException("--rounds must be at least 1 and --warmup at least 0");
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf("bench dataset: %s, %d warm-up + %d measured rounds%n", input, warmups, rounds);
        err.flush();
        DatasetBenchmark.Figures figures = DataCommandSupport.withBackends(bench.main(), backends ->
                new DatasetBenchmark(backends.cql()).run(input, warmups, rounds, line -> {
                    err.println(line);
                    err.flush();
                }));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("input\t%s\t%d bytes%n", input.getFileName(), figures.bytes());
        out.printf("store\t%.1f MB/s\t(median of %d; gzip chunks + manifest + read-back verify)%n",
                figures.storeMbPerSecond(), rounds);
        out.printf("raw\t%.1f MB/s\t(median of %d; bare blob inserts, same slices, same consistency)%n",
                figures.rawMbPerSecond(), rounds);
        out.printf("ratio\t%.2fx\t(target >= 0.8x)%n", figures.ratio());
        out.printf("cpu\tstore %.0f ms, raw %.0f ms\t(median CPU time of this JVM per round; the server's is not counted)%n",
                figures.storeCpuMs(), figures.rawCpuMs());
        out.flush();
        return ExitCodes.OK;
    }
}
