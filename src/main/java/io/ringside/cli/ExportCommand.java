package io.ringside.cli;

import io.ringside.Main;
import io.ringside.core.data.dataset.DatasetStore;
import io.ringside.core.data.export.ExportFormat;
import io.ringside.core.jobs.ExportTableOptions;
import io.ringside.core.jobs.JobState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ringside export table KS.TABLE FILE} and {@code ringside export query "SELECT ..." FILE}:
 * an export is a job like every load (a worker runs it, this process's when none is alive; the
 * progress bar comes from Kafka), and a read-only profile may run it, since it only reads.
 */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Export a table or a query's rows to CSV (DSBulk's unload format) or JSON lines.",
        subcommands = {ExportCommand.Table.class, ExportCommand.Query.class})
public final class ExportCommand {

    @ParentCommand
    Main main;

    /** The options both subcommands share (inherited, so FILE follows each one's first parameter). */
    abstract static class Target {
        @Parameters(index = "1", paramLabel = "FILE",
                description = "The file to write; it appears only when the whole export is in it.")
        Path file;

        @Option(names = "--gzip", description = "Compress the file with gzip (implied by a FILE ending in .gz).")
        boolean gzip;

        @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv", converter = FormatConverter.class,
                description = "csv (default; with a header line) or json (one object a line).")
        ExportFormat format;

        @Option(names = "--no-wait", description = "Submit the job, print its id as the last line and return.")
        boolean noWait;

        @Spec
        CommandSpec spec;

        int run(Main main, String table, String query) {
            Path absolute = DatasetStore.exportTarget(file.toAbsolutePath().normalize());
            boolean compress = gzip || absolute.getFileName().toString().endsWith(".gz");
            ExportTableOptions options = new ExportTableOptions(table, query, absolute.toString(), format, compress);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return JobCommandSupport.submitAndFollow(main, out, err, List.of(options.describeSource()), options, noWait,
                    (services, end) -> {
                        if (end.state() == JobState.SUCCEEDED) {
                            out.println(end.message());
                        }
                    });
        }
    }

    @Command(name = "table", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Export every row of KS.TABLE to FILE, reading token ranges in parallel.",
                "A job taken over after a killed worker keeps the ranges already written."})
    static final class Table extends Target implements Callable<Integer> {
        @ParentCommand
        ExportCommand export;

        @Parameters(index = "0", paramLabel = "KS.TABLE", description = "The table, e.g. aqdata.pm25_hourly.")
        String table;

        @Override
        public Integer call() {
            return run(export.main, table, null);
        }
    }

    @Command(name = "query", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Export the rows of one SELECT statement to FILE, with the driver's paging.",
                "A job taken over after a killed worker reads the statement again."})
    static final class Query extends Target implements Callable<Integer> {
        @ParentCommand
        ExportCommand export;

        @Parameters(index = "0", paramLabel = "SELECT", description = "The statement, in quotes.")
        String query;

        @Override
        public Integer call() {
            return run(export.main, null, query);
        }
    }

    /** Accepts the format in any case. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            try {
                return ExportFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
