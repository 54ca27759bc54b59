package io.ringside.bench.cli;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.ringside.bench.DsBulk;
import io.ringside.cli.ExitCodes;
import io.ringside.cli.ProgressPrinter;
import io.ringside.cli.VersionProvider;
import io.ringside.core.RingsideException;
import io.ringside.core.connect.Backends;
import io.ringside.core.data.DataServices;
import io.ringside.core.data.export.ExportFormat;
import io.ringside.core.data.export.ExportResult;
import io.ringside.core.data.export.ExportSource;
import io.ringside.core.data.export.TableExporter;
import io.ringside.core.data.pm25.Pm25ImportOptions;
import io.ringside.core.data.pm25.Pm25ImportResult;
import io.ringside.core.data.pm25.Pm25Source;
import io.ringside.core.jobs.JobClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ringside bench export}: {@code ringside export table aqdata.pm25_hourly} against DSBulk
 * {@code unload} of the same table in the same run, each as the whole command an operator types
 * (a JVM of its own, started, connected, exported, ended), then both outputs compared sorted.
 * Ringside's command includes submitting the job through Kafka and, with no worker running,
 * starting one in its process.
 */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Export aqdata.pm25_hourly to CSV with 'ringside export table' and with DSBulk "
                + DsBulk.VERSION + " unload, each as a whole command in a JVM of its own; compare times and "
                + "the sorted rows.",
            "First loads the UCI Beijing multi-site files (truncating the table; --yes), unless --no-load."})
final class BenchExportCommand implements Callable<Integer> {

    static final double TARGET_RATIO = 0.67;
    private static final String TABLE = "aqdata.pm25_hourly";

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--files", paramLabel = "DIR",
            description = "Folder with the PRSA_Data_*.csv.gz files (default: $RINGSIDE_TESTDATA/"
                    + BenchImportCommand.BEIJING + ").")
    Path folder;

    @Option(names = "--no-load", description = "Export the rows the table holds now; do not truncate and load it.")
    boolean noLoad;

    @Option(names = "--yes", description = "Confirm that aqdata.pm25_hourly may be truncated and loaded.")
    boolean yes;

    @Option(names = "--out", paramLabel = "DIR", description = "Where both exports are written (default: a new "
            + "temporary folder, deleted at the end).")
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!noLoad && !yes) {
            throw new ParameterException(spec.commandLine(),
                    "bench export truncates and loads aqdata.pm25_hourly; pass --yes (or --no-load)");
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Path work = out != null ? Files.createDirectories(out) : Files.createTempDirectory("ringside-bench-export-");
        try (DataServices services = new DataServices(
                Backends.forProfile(bench.main().profile(), bench.main().dataFolder()), bench.main().dataFolder())) {
            Backends backends = services.backends();
            if (!noLoad) {
                load(services, err);
            }
            settle(backends, err);
            warmUp(backends, err);
            boolean otherWorker = new JobClient(backends.kafkaProperties(), bench.main().dataFolder()).workerAlive();
            if (otherWorker) {
                err.println("warning: a worker of another process (a console or 'ringside worker') is alive: it may "
                        + "take the export job, and Ringside's figure is then that worker's, not the command's own");
                err.flush();
            }
            Path ringsideFile = work.resolve("ringside.csv");
            Files.deleteIfExists(ringsideFile);
            err.println("ringside: export table " + TABLE + " " + ringsideFile + " (a JVM of its own)");
            err.flush();
            Run ringside = ringsideExport(ringsideFile, err);
            if (ringside.exit() != 0) {
                stdout.printf("%-16s failed (exit %d): %s%n", "ringside", ringside.exit(), ringside.lastLines());
                stdout.flush();
                return ExitCodes.FAILED;
            }
            Rows ours = Rows.read(List.of(ringsideFile));
            double ringsideSeconds = BenchImportCommand.seconds(ringside.wall());

            Path dsbulkDir = work.resolve("dsbulk");
            Files.createDirectories(dsbulkDir);
            List<Path> classpath = DsBulk.classpath(line -> {
                err.println("dsbulk: " + line);
                err.flush();
            });
            err.println("dsbulk: unload " + TABLE + " into " + dsbulkDir + " (a JVM of its own)");
            err.flush();
            DsBulk.Result dsbulk = DsBulk.unloadTable(classpath, "aqdata", "pm25_hourly", dsbulkDir,
                    backends.endpoints().cassandra().get(0), backends.endpoints().localDatacenter(),
                    work.resolve("dsbulk-logs"), line -> {
                        err.println("dsbulk| " + line);
                        err.flush();
                    });
            if (!dsbulk.ok()) {
                stdout.printf("%-16s failed (exit %d, %d rows, %d failed): %s%n", "dsbulk " + DsBulk.VERSION,
                        dsbulk.exitCode(), dsbulk.rows(), dsbulk.failed(), String.join(" / ", dsbulk.lastLines()));
                stdout.flush();
                return ExitCodes.FAILED;
            }
            Rows theirs;
            try (Stream<Path> files = Files.list(dsbulkDir)) {
                theirs = Rows.read(files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList());
            }
            double dsbulkSeconds = BenchImportCommand.seconds(dsbulk.wall());
            double ratio = ringsideSeconds / dsbulkSeconds;
            stdout.printf(Locale.ROOT, "%-16s %10s %9s %10s%n", "exporter", "rows", "seconds", "rows/s");
            stdout.printf(Locale.ROOT, "%-16s %10d %9.1f %10.0f  (whole command)%n", "ringside", ours.lines().size(),
                    ringsideSeconds, ours.lines().size() / ringsideSeconds);
            stdout.printf(Locale.ROOT, "%-16s %10d %9.1f %10.0f  (whole command; %.0f rows/s by its own figure)%n",
                    "dsbulk " + DsBulk.VERSION, theirs.lines().size(), dsbulkSeconds,
                    theirs.lines().size() / dsbulkSeconds, dsbulk.reportedRowsPerSecond());
            stdout.printf(Locale.ROOT, "ratio ringside/dsbulk whole command: %.2fx (target <= %.2fx): %s%n", ratio,
                    TARGET_RATIO, ratio <= TARGET_RATIO ? "met" : "missed");
            stdout.println("sorted outputs identical: " + ours.compare(theirs));
            if (otherWorker) {
                stdout.println("not the command's own figure: a worker of another process was alive (see the warning)");
            }
            stdout.flush();
            breakdown(backends, work, ringsideSeconds, stdout, err);
            return ExitCodes.OK;
        } finally {
            if (out == null) {
                deleteTree(work);
            }
        }
    }

    /**
     * Where Ringside's whole command goes, measured after both tools (untimed against the
     * target): the JVM and the command line alone ({@code ringside --version}, the floor of any
     * command), and the same export in this warm process without a job ({@link TableExporter}
     * directly). The rest of the whole command is the job's way through Kafka and the session.
     */
    private void breakdown(Backends backends, Path work, double wholeSeconds, PrintWriter stdout, PrintWriter err)
            throws IOException, InterruptedException {
        Run version = ringside(List.of("--version"), err);
        Path file = work.resolve("in-process.csv");
        ExportResult direct = new TableExporter(backends.cql()).export(ExportSource.table(TABLE), ExportFormat.CSV,
                false, file, "bench-" + java.util.UUID.randomUUID(), p -> { }, () -> null);
        Files.deleteIfExists(file);
        double jvm = BenchImportCommand.seconds(version.wall());
        double export = BenchImportCommand.seconds(direct.elapsed());
        stdout.printf(Locale.ROOT, "ringside breakdown: JVM and command line %.1f s ('ringside --version'), export "
                        + "in a warm process %.1f s (%.0f rows/s), job, Kafka and session %.1f s%n", jvm, export,
                direct.rows() / export, Math.max(0, wholeSeconds - jvm - export));
        stdout.flush();
    }

    /**
     * Waits until the server compacts nothing (its {@code system_views.sstable_tasks} empty for
     * three checks in a row). Right after a load the server compacts the sstables the load
     * flushed, for minutes on two busy cores: the tool timed first shared the cores with that
     * work and the second did not, so the order decided the ratio (2.24x right after a load,
     * 0.94x on the same table 20 minutes later). Both tools are then timed on the same settled table.
     */
    private static void settle(Backends backends, PrintWriter err) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.MINUTES.toNanos(10);
        int quiet = 0;
        int seen = 0;
        while (quiet < 3 && System.nanoTime() < deadline) {
            int tasks = backends.cql().execute(SimpleStatement.newInstance(
                    "SELECT kind FROM system_views.sstable_tasks")).all().size();
            seen = Math.max(seen, tasks);
            quiet = tasks == 0 ? quiet + 1 : 0;
            if (quiet < 3) {
                Thread.sleep(1_000);
            }
        }
        err.printf(Locale.ROOT, "settle: %s after %.1f s (at most %d compaction tasks seen), so neither tool "
                        + "shares the server with a compaction%n", quiet >= 3 ? "no compaction running" : "still compacting",
                (System.nanoTime() - started) / 1e9, seen);
        err.flush();
    }

    /**
     * Reads the table once before either tool is timed: the first reader otherwise meets a cold
     * server (caches, compiled code) and the second a warm one, which made the order decide the ratio.
     */
    private static void warmUp(Backends backends, PrintWriter err) {
        long started = System.nanoTime();
        long rows = 0;
        for (Row ignored : backends.cql().execute(SimpleStatement.newInstance("SELECT * FROM " + TABLE)
                .setPageSize(5_000).setTimeout(Duration.ofSeconds(60)))) {
            rows++;
        }
        err.printf(Locale.ROOT, "warm-up: read %,d rows of %s once (%.1f s), so neither tool meets a cold server%n",
                rows, TABLE, (System.nanoTime() - started) / 1e9);
        err.flush();
    }

    private void load(DataServices services, PrintWriter err) throws IOException {
        Path dir = BenchImportCommand.folder(folder, spec);
        List<Path> files = BenchImportCommand.beijingFiles(dir, spec);
        services.pm25Store().ensureSchema();
        BenchImportCommand.truncateAudited(bench.main(), services.backends(), services.backends().cql(), err);
        err.printf("ringside: loading %d files from %s%n", files.size(), dir);
        ProgressPrinter progress = new ProgressPrinter(err);
        Pm25ImportResult loaded = services.pm25Importer().run(files.stream().map(Pm25Source::of).toList(),
                Pm25ImportOptions.defaults(), progress::show);
        progress.end();
        err.printf(Locale.ROOT, "ringside: %,d rows loaded%n", loaded.hourlyRows());
        err.flush();
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** {@code ringside export table} as a child JVM of this jar, with this command's profile and data folder. */
    private Run ringsideExport(Path file, PrintWriter err) throws IOException, InterruptedException {
        return ringside(List.of("export", "table", TABLE, file.toString(),
                "--profile", bench.main().profile(), "--data", bench.main().dataFolder().toString()), err);
    }

    /** A {@code ringside} command as a child JVM of this jar, its lines relayed with the seconds since its start. */
    private Run ringside(List<String> arguments, PrintWriter err) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.ringside.Main"));
        command.addAll(arguments);
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        List<String> tail = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                err.printf(Locale.ROOT, "ringside| %6.2f s  %s%n", (System.nanoTime() - started) / 1e9, line);
                err.flush();
                tail.add(line);
                if (tail.size() > 10) {
                    tail.remove(0);
                }
            }
        }
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new RingsideException("ringside export did not finish within 30 minutes");
        }
        return new Run(process.exitValue(), Duration.ofNanos(System.nanoTime() - started), String.join(" / ", tail));
    }

    private record Run(int exit, Duration wall, String lastLines) {
    }

    /** The header and the data lines of CSV files that each start with a header line. */
    record Rows(String header, List<String> lines) {

        static Rows read(List<Path> files) throws IOException {
            String header = null;
            List<String> lines = new ArrayList<>();
            for (Path file : files) {
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    String first = reader.readLine();
                    if (first == null) {
                        continue;
                    }
                    if (header != null && !header.equals(first)) {
                        throw new RingsideException(file + " has the header '" + first + "', not '" + header + "'");
                    }
                    header = first;
                    String line;
                    while ((line = reader.readLine()) != null) {
                        lines.add(line);
                    }
                }
            }
            lines.sort(null);
            return new Rows(header, lines);
        }

        String compare(Rows other) {
            if (header == null || !header.equals(other.header)) {
                return "no: headers differ ('" + header + "' and '" + other.header + "')";
            }
            if (lines.size() != other.lines.size()) {
                return "no: " + lines.size() + " and " + other.lines.size() + " rows";
            }
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).equals(other.lines.get(i))) {
                    return "no: sorted line " + (i + 1) + " is '" + lines.get(i) + "' and '" + other.lines.get(i) + "'";
                }
            }
            return String.format(Locale.ROOT, "yes (%,d rows, same header)", lines.size());
        }
    }
}
