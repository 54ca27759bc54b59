package io.ringside.bench.cli;

import io.ringside.cli.DataCommandSupport;
import io.ringside.cli.ExitCodes;
import io.ringside.cli.VersionProvider;
import io.ringside.core.jobs.ProgressBenchmark;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside bench progress}: progress-event latency, and what reporting costs a load. */
@Command(name = "progress", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Progress-event latency (target p99 < 100 ms) and the cost of reporting on a load (target <= 5%%).",
            "Latency: from publisher to subscriber, p50/p99. Cost: the rate of a dataset load run as a job (with",
            "events) against the bare load (without), interleaved, medians compared."})
final class BenchProgressCommand implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--file", paramLabel = "FILE",
            description = "File to load (default: Fashion-MNIST train images from the dataset-fashion-mnist package).")
    Path file;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "5",
            description = "Loads with and without events each, interleaved (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--events", paramLabel = "N", defaultValue = "1000",
            description = "Events timed for the latency figures (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--spacing-ms", paramLabel = "MS", defaultValue = "20",
            description = "Time between two timed events (default: ${DEFAULT-VALUE} ms; a job sends one per 250 ms).")
    int spacingMs;

    @Override
    public Integer call() {
        Path input = BenchDatasetCommand.input(file);
        if (rounds < 1 || events < 1 || spacingMs < 0) {
            throw new IllegalArgumentException("--rounds and --events must be at least 1, --spacing-ms at least 0");
        }
        PrintWriter err = spec.commandLine().getErr();
        ProgressBenchmark.Figures f = DataCommandSupport.withServices(bench.main(), services -> {
            try {
                return new ProgressBenchmark(services, bench.main().dataFolder(), line -> {
                    err.println(line);
                    err.flush();
                }).run(input, events, Duration.ofMillis(spacingMs), rounds);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new io.ringside.core.RingsideException("bench progress failed: " + e.getMessage(), e);
            }
        });
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "latency\t%d events\tp50 %.2f ms\tp99 %.2f ms\tmax %.2f ms\t(target p99 < 100 ms)%n",
                f.events(), f.p50Ms(), f.p99Ms(), f.maxMs());
        out.printf(Locale.ROOT, "input\t%s\t%d bytes%n", input.getFileName(), f.bytes());
        out.printf(Locale.ROOT, "with events\t%.1f MB/s\t(median of %d; run as a job: events, write timing, Kafka)%n",
                f.withEventsMbPerSecond(), f.rounds());
        out.printf(Locale.ROOT, "without\t%.1f MB/s\t(median of %d; the same load, no listener)%n",
                f.withoutEventsMbPerSecond(), f.rounds());
        out.printf(Locale.ROOT, "cost\t%.1f%%\t(target <= 5%%)%n", f.costPercent());
        out.flush();
        return ExitCodes.OK;
    }
}
