package io.ringside.cli;

import io.ringside.core.data.pm25.Pm25Importer;
import io.ringside.core.data.pm25.Pm25Format;
import io.ringside.core.data.pm25.Pm25ImportOptions;
import io.ringside.core.data.pm25.Pm25ImportResult;
import io.ringside.core.data.pm25.Pm25Samples;
import io.ringside.core.data.pm25.Pm25Source;
import io.ringside.core.data.pm25.RejectedRow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ringside load pm25 FILE...}: imports PM2.5 CSV files (plain or gzip) into Cassandra. */
@Command(name = "pm25", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Import PM2.5 CSV files (plain or .gz) into aqdata.pm25 and aqdata.pm25_hourly.",
            "Formats: daily (date,avg_pm25,location,max_pm25,min_pm25), prsa-multisite (UCI Beijing multi-site, "
                + "hourly), prsa-single (UCI Beijing PM2.5, hourly, needs --location).",
            "Bad rows are reported as FILE:LINE and skipped; the import fails (exit 1) when more than "
                + "--max-rejected of the rows were rejected. Valid rows are written either way and stay written."})
final class LoadPm25Command implements Callable<Integer> {

    @ParentCommand
    LoadCommand load;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "CSV files, plain or gzip-compressed.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--format", paramLabel = "auto|daily|prsa-multisite|prsa-single", defaultValue = "auto",
            description = "Input format (default: ${DEFAULT-VALUE}, detected from each file's header).")
    String format;

    @Option(names = "--location", paramLabel = "NAME",
            description = "Location of a prsa-single file (an error for formats whose rows name their location).")
    String location;

    @Option(names = "--max-rejected", paramLabel = "PCT", defaultValue = "1",
            description = "Fail when more than PCT percent of the rows are rejected (default: ${DEFAULT-VALUE}%%).")
    String maxRejected;

    @Option(names = "--sample", description = "Also import the built-in sample (nine days of one location).")
    boolean sample;

    @Override
    public Integer call() {
        if (files.isEmpty() && !sample) {
            throw new ParameterException(spec.commandLine(), "Give at least one FILE, or --sample");
        }
        List<Pm25Source> sources = new ArrayList<>();
        if (sample) {
            sources.add(Pm25Samples.daily());
        }
        files.forEach(f -> sources.add(Pm25Source.of(f)));
        Pm25ImportOptions options = new Pm25ImportOptions("auto".equalsIgnoreCase(format) ? null
                : Pm25Format.ofCliName(format), location, percent(maxRejected));
        Pm25Importer.check(sources, options);

        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        ProgressLine progress = new ProgressLine(err);
        Pm25ImportResult result;
        try {
            result = DataCommandSupport.withServices(load.main(),
                    services -> services.pm25Importer().run(sources, options, progress::show));
        } finally {
            progress.end();
        }
        printRejects(err, result);
        result.warnings().forEach(w -> err.println("warning: " + w));
        printSummary(out, result);
        out.flush();
        if (result.failed()) {
            err.printf(Locale.ROOT, "ringside: import failed: %,d of %,d rows rejected (%.2f%%, above --max-rejected %s%%). "
                            + "The %,d valid rows were written and stay written; fix the file and import it again "
                            + "(rows are overwritten, not duplicated).%n", result.rowsRejected(), result.rowsRead(),
                    result.rejectedPercent(), maxRejected.replace("%", ""), result.rowsImported());
            err.flush();
            return ExitCodes.FAILED;
        }
        err.flush();
        return ExitCodes.OK;
    }

    private static void printRejects(PrintWriter err, Pm25ImportResult result) {
        for (RejectedRow row : result.firstRejects()) {
            err.println("rejected " + row);
        }
        long more = result.rowsRejected() - result.firstRejects().size();
        if (more > 0) {
            err.printf(Locale.ROOT, "... and %,d more rejected rows%n", more);
        }
    }

    private static void printSummary(PrintWriter out, Pm25ImportResult r) {
        double seconds = r.elapsed().toNanos() / 1e9;
        out.printf(Locale.ROOT, "files          %d%n", r.files());
        out.printf(Locale.ROOT, "rows read      %d%n", r.rowsRead());
        out.printf(Locale.ROOT, "rows imported  %d%n", r.rowsImported());
        out.printf(Locale.ROOT, "rows rejected  %d (%.2f%%, limit %s%%)%n", r.rowsRejected(), r.rejectedPercent(),
                formatPercent(r.maxRejectedPercent()));
        out.printf(Locale.ROOT, "rows skipped   %d (no reading)%n", r.rowsSkipped());
        out.printf(Locale.ROOT, "hourly rows    %d%n", r.hourlyRows());
        out.printf(Locale.ROOT, "days written   %d%n", r.daysWritten());
        out.printf(Locale.ROOT, "elapsed        %.2f s%n", seconds);
        out.printf(Locale.ROOT, "rows/s         %.0f%n", r.rowsPerSecond());
        out.printf(Locale.ROOT, "status         %s%n", r.failed() ? "failed" : "succeeded");
    }

    private static String formatPercent(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private double percent(String value) {
        String digits = value.trim().endsWith("%") ? value.trim().substring(0, value.trim().length() - 1) : value.trim();
        try {
            return Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--max-rejected must be a percentage, e.g. 1 or 0.5%, not '"
                    + value + "'");
        }
    }
}
