package io.ringside.bench.cli;

import io.ringside.bench.BenchRows;
import io.ringside.bench.ui.CqlUiBenchmark;
import io.ringside.bench.ui.FxThreadCpu;
import io.ringside.cli.DataCommandSupport;
import io.ringside.cli.ExitCodes;
import io.ringside.cli.HeadlessFx;
import io.ringside.cli.VersionProvider;
import io.ringside.core.cql.CqlWorkbench;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ringside bench cql-ui}: the FX thread's work on the CQL page while a {@code SELECT}
 * streams its rows in page by page, judged by the FX thread's own CPU per pulse ({@link FxThreadCpu}).
 */
@Command(name = "cql-ui", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The CQL page's FX-thread CPU per pulse while a SELECT's rows stream in page by page.",
            "Opens the CQL page on the profile's stack and waits for it to load (its opening printed, not judged),",
            "runs SELECT * FROM the scratch table ringside_bench.browse_rows",
            "(written first unless --skip-fill), fetches pages until --rows rows are shown, then runs it again five",
            "times; prints per phase the FX pauses and the FX thread's CPU per pulse (target p99 <= 16 ms, max <= 50 ms)."})
public final class BenchCqlUiCommand implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "5000",
            description = "Rows to show, a page of 200 at a time (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--skip-fill", description = "Use the scratch table as an earlier run (or bench cluster-ui) left it.")
    boolean skipFill;

    @Override
    public Integer call() {
        if (rows < 1) {
            throw new IllegalArgumentException("--rows must be at least 1");
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        HeadlessFx.configureIfNeeded(err);
        CqlUiBenchmark.Figures figures = DataCommandSupport.withBackends(bench.main(), backends -> {
            if (!skipFill) {
                err.printf("bench cql-ui: writing %,d rows into %s.%s%n", rows, BenchRows.KEYSPACE, BenchRows.TABLE);
                err.flush();
                BenchRows.fill(backends.cql(), rows);
            }
            return new CqlUiBenchmark(CqlWorkbench.over(backends, bench.main().dataFolder()), bench.main().dataFolder(),
                    line -> {
                        err.println("bench cql-ui: " + line);
                        err.flush();
                    }).run("SELECT * FROM " + BenchRows.KEYSPACE + "." + BenchRows.TABLE, rows);
        });
        out.printf(Locale.ROOT, "stream\t%d rows\t%d pages\t%.1f s%n", figures.rows(), figures.pages(), figures.seconds());
        out.println("page opened (not judged: its first layout and history)\t" + figures.opened().describe());
        boolean met = figures.firstPage().print(out, "first page (cold)");
        met &= figures.appended().print(out, "pages 2..n appended");
        met &= figures.rerun().print(out, "run again over the rows shown (x5)");
        out.println(FxThreadCpu.verdict(met));
        out.flush();
        return ExitCodes.OK;
    }

}
