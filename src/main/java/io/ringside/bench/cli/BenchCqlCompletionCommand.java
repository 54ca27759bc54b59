package io.ringside.bench.cli;

import io.ringside.bench.CqlCompletionBenchmark;
import io.ringside.cli.DataCommandSupport;
import io.ringside.cli.ExitCodes;
import io.ringside.cli.VersionProvider;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside bench cql-completion}: the CQL workbench's completion latency on a wide schema. */
@Command(name = "cql-completion", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Create N tables (default 500) in the scratch keyspace ringside_bench_cql (kept for the next run), "
                + "then time CQL completion from the driver's schema metadata: every table after FROM, tables by "
                + "prefix, the columns of a named table, keywords.",
            "Prints p50/p99/max per kind (target p99 < 50 ms)."})
final class BenchCqlCompletionCommand implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--tables", defaultValue = "500", description = "Tables in the schema (default ${DEFAULT-VALUE}).")
    int tables;

    @Option(names = "--rounds", defaultValue = "2000", description = "Completions timed per kind (default ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() {
        if (tables <= 0 || rounds <= 0) {
            throw new IllegalArgumentException("--tables and --rounds must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<CqlCompletionBenchmark.Figures> figures = DataCommandSupport.withBackends(bench.main(), backends ->
                new CqlCompletionBenchmark(backends.cql(), line -> {
                    err.println(line);
                    err.flush();
                }).run(tables, rounds));
        double worst = 0;
        for (CqlCompletionBenchmark.Figures f : figures) {
            out.printf(Locale.ROOT, "%-28s %4d candidates  p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", f.what(),
                    f.candidates(), f.p50Ms(), f.p99Ms(), f.maxMs());
            worst = Math.max(worst, f.p99Ms());
        }
        out.printf(Locale.ROOT, "completion p99 on %d tables      %.2f ms (target < 50)%n", tables, worst);
        out.flush();
        return ExitCodes.OK;
    }
}
