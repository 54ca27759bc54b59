package io.ringside.bench.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.ringside.bench.DsBulk;
import io.ringside.cli.DataCommandSupport;
import io.ringside.cli.ExitCodes;
import io.ringside.cli.ProgressPrinter;
import io.ringside.cli.VersionProvider;
import io.ringside.core.connect.Backends;
import io.ringside.core.data.DataServices;
import io.ringside.core.data.pm25.Pm25ImportOptions;
import io.ringside.core.data.pm25.Pm25ImportResult;
import io.ringside.core.data.pm25.Pm25Source;
import io.ringside.core.data.pm25.Pm25Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ringside bench import}: the Ringside importer against DSBulk on the same rows and the
 * same table. The table is truncated before each run so both write into an empty table.
 * DSBulk runs in a JVM of its own, so its figure includes no class loading of ours, and the
 * ratio is taken against DSBulk's own reported rate (not its wall time with JVM start), which
 * is the comparison least favourable to Ringside.
 */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Import the UCI Beijing multi-site files into aqdata.pm25_hourly with Ringside, then with "
                + "DSBulk " + DsBulk.VERSION + " in a separate JVM, and compare rows/s.",
            "Truncates aqdata.pm25_hourly before each run (each TRUNCATE leaves a snapshot on disk)."})
final class BenchImportCommand implements Callable<Integer> {

    static final String BEIJING = "beijing-multisite";

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--files", paramLabel = "DIR",
            description = "Folder with the PRSA_Data_*.csv.gz files (default: $RINGSIDE_TESTDATA/" + BEIJING + ").")
    Path folder;

    @Option(names = "--skip-dsbulk", description = "Measure the Ringside importer only.")
    boolean skipDsbulk;

    @Option(names = "--yes", description = "Confirm that aqdata.pm25_hourly may be truncated.")
    boolean yes;

    @Override
    public Integer call() throws IOException {
        Path dir = folder(folder, spec);
        List<Path> files = beijingFiles(dir, spec);
        if (!yes) {
            throw new ParameterException(spec.commandLine(), "bench import truncates aqdata.pm25_hourly; pass --yes");
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        try (DataServices services = new DataServices(
                Backends.forProfile(bench.main().profile(), bench.main().dataFolder()), bench.main().dataFolder())) {
            Backends backends = services.backends();
            CqlSession session = backends.cql();
            Pm25Store store = services.pm25Store();
            store.ensureSchema();

            truncateAudited(bench.main(), backends, session, err);
            err.printf("ringside: importing %d files from %s%n", files.size(), dir);
            ProgressPrinter progress = new ProgressPrinter(err);
            Pm25ImportResult ringside = services.pm25Importer().run(files.stream().map(Pm25Source::of).toList(),
                    Pm25ImportOptions.defaults(), progress::show);
            progress.end();
            double ringsideRate = ringside.hourlyRows() / seconds(ringside.elapsed());
            out.printf(Locale.ROOT, "%-16s %10s %9s %10s%n", "loader", "rows", "seconds", "rows/s");
            out.printf(Locale.ROOT, "%-16s %10d %9.1f %10.0f%n", "ringside", ringside.hourlyRows(),
                    seconds(ringside.elapsed()), ringsideRate);
            out.flush();
            if (skipDsbulk) {
                return ExitCodes.OK;
            }
            truncateAudited(bench.main(), backends, session, err);
            return dsbulk(backends, dir, ringsideRate, out, err);
        }
    }

    /** Empties aqdata.pm25_hourly for a benchmark, audited as {@code table.truncate}. */
    static void truncateAudited(io.ringside.Main main, Backends backends, CqlSession session, PrintWriter err) {
        DataCommandSupport.audited(main, backends, "table.truncate", "aqdata.pm25_hourly", done -> 1,
                () -> {
                    truncate(session, err);
                    return Boolean.TRUE;
                }, err);
    }

    private int dsbulk(Backends backends, Path dir, double ringsideRate, PrintWriter out, PrintWriter err)
            throws IOException {
        DsBulk.Result result;
        try {
            List<Path> classpath = DsBulk.classpath(line -> {
                err.println("dsbulk: " + line);
                err.flush();
            });
            Path logDir = Files.createTempDirectory("ringside-dsbulk-");
            err.println("dsbulk: loading the same files in a separate JVM (logs in " + logDir + ")");
            err.flush();
            result = DsBulk.loadBeijingHourly(classpath, dir, backends.endpoints().cassandra().get(0),
                    backends.endpoints().localDatacenter(), logDir, line -> {
                        err.println("dsbulk| " + line);
                        err.flush();
                    });
        } catch (RuntimeException e) {
            out.printf("%-16s did not run: %s%n", "dsbulk " + DsBulk.VERSION, e.getMessage());
            out.flush();
            return ExitCodes.FAILED;
        }
        if (!result.ok()) {
            out.printf("%-16s failed (exit %d, %d rows, %d failed): %s%n", "dsbulk " + DsBulk.VERSION,
                    result.exitCode(), result.rows(), result.failed(), String.join(" / ", result.lastLines()));
            out.flush();
            return ExitCodes.FAILED;
        }
        out.printf(Locale.ROOT, "%-16s %10d %9.1f %10.0f  (its own figure; whole command %.1f s, p99 %.0f ms)%n",
                "dsbulk " + DsBulk.VERSION, result.rows(), result.rows() / result.reportedRowsPerSecond(),
                result.reportedRowsPerSecond(), seconds(result.wall()), result.p99Millis());
        out.printf(Locale.ROOT, "ratio ringside/dsbulk: %.2fx (target >= 1.5x)%n",
                ringsideRate / result.reportedRowsPerSecond());
        out.flush();
        return ExitCodes.OK;
    }

    private static void truncate(CqlSession session, PrintWriter err) {
        err.println("truncating aqdata.pm25_hourly");
        err.flush();
        session.execute(SimpleStatement.newInstance("TRUNCATE aqdata.pm25_hourly").setTimeout(Duration.ofMinutes(2)));
    }

    /** The folder of the UCI Beijing multi-site files: the one given, else under $RINGSIDE_TESTDATA. */
    static Path folder(Path given, CommandSpec spec) {
        if (given != null) {
            return given;
        }
        String testData = System.getenv("RINGSIDE_TESTDATA");
        if (testData == null || testData.isBlank()) {
            throw new ParameterException(spec.commandLine(),
                    "Give --files DIR (the UCI Beijing multi-site CSVs) or set RINGSIDE_TESTDATA");
        }
        return Path.of(testData, BEIJING);
    }

    static List<Path> beijingFiles(Path dir, CommandSpec spec) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), dir + ": no such folder");
        }
        try (Stream<Path> list = Files.list(dir)) {
            List<Path> files = list.filter(p -> p.getFileName().toString().endsWith(".csv.gz")).sorted().toList();
            if (files.isEmpty()) {
                throw new ParameterException(spec.commandLine(), dir + ": no .csv.gz files");
            }
            return files;
        }
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
