package io.ringside.cli;

import io.ringside.core.MessageText;
import io.ringside.core.data.pm25.Pm25Importer;
import io.ringside.core.data.pm25.Pm25Format;
import io.ringside.core.data.pm25.Pm25ImportOptions;
import io.ringside.core.data.pm25.Pm25Samples;
import io.ringside.core.data.pm25.Pm25Source;
import io.ringside.core.jobs.LoadPm25Options;
import io.ringside.core.jobs.ProgressEvent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
                + "--max-rejected of the rows were rejected. Valid rows are written either way and stay written.",
            "Runs as a job: a worker (this process when none is alive) imports it; progress comes from Kafka."})
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

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Text encoding of the files (default: ${DEFAULT-VALUE}; e.g. ISO-8859-1 for Latin-1). "
                    + "Rows with bytes that are not text in it are rejected.")
    String encoding;

    @Option(names = "--sample", description = "Also import the built-in sample (nine days of one location).")
    boolean sample;

    @Option(names = "--no-wait", description = "Submit the job, print its id as the last line and return.")
    boolean noWait;

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
                : Pm25Format.ofCliName(format), location, percent(maxRejected), charset());
        Pm25Importer.check(sources, options);

        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        List<String> paths = files.stream().map(f -> f.toAbsolutePath().normalize().toString()).toList();
        return JobCommandSupport.submitAndFollow(load.main(), out, err, paths, LoadPm25Options.of(options, sample), noWait,
                (services, end) -> {
                    printRejects(err, end);
                    JobCommandSupport.printMessage(out, end);
                });
    }

    private static void printRejects(PrintWriter err, ProgressEvent end) {
        for (String row : end.rejected()) {
            err.println("rejected " + row);
        }
        long more = end.errors() - end.rejected().size();
        if (more > 0) {
            err.printf(Locale.ROOT, "... and %,d more rejected rows%n", more);
        }
        err.flush();
    }

    private Charset charset() {
        try {
            return Charset.forName(encoding.trim());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--encoding: unknown character set '"
                    + MessageText.quote(encoding) + "' (e.g. UTF-8, ISO-8859-1, windows-1252)");
        }
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
