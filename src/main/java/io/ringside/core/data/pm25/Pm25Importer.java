package io.ringside.core.data.pm25;

import io.ringside.core.data.storage.WriteConsistency;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports PM2.5 CSV files into {@link Pm25Store}. Every header is checked before the first row is
 * written, so a wrong file among many fails the import without leaving half of it behind. Rows
 * then stream from the parser straight into the batching writer; bad rows are counted and the
 * first few kept with file and line. The reject threshold is judged at the end, after the valid
 * rows are written: they stay written (imports are idempotent upserts, so importing the fixed
 * file again simply overwrites them), and the listener hears about them either way.
 */
public final class Pm25Importer {

    private static final long PROGRESS_EVERY_NANOS = 250_000_000L;

    private final Pm25Store store;
    private final Pm25ImportListener listener;

    public Pm25Importer(Pm25Store store) {
        this(store, Pm25ImportListener.NONE);
    }

    public Pm25Importer(Pm25Store store, Pm25ImportListener listener) {
        this.store = store;
        this.listener = listener;
    }

    /** Checks the files' formats against the options without writing; throws what {@link #run} would. */
    public static List<Pm25Format> check(List<Pm25Source> sources, Pm25ImportOptions options) {
        List<Pm25Format> formats = new ArrayList<>();
        for (Pm25Source source : sources) {
            try (CsvInput input = CsvInput.open(source, options.encoding())) {
                formats.add(formatOf(input, options));
            }
        }
        return formats;
    }

    /**
     * Imports the sources in order. Progress is reported at most every 250 ms from the calling
     * thread. Throws {@link IllegalArgumentException} for options that do not fit the files and
     * {@link Pm25ImportException} for input that is not a PM2.5 CSV or writes that fail.
     */
    public Pm25ImportResult run(List<Pm25Source> sources, Pm25ImportOptions options,
                                Consumer<Pm25ImportProgress> progress) {
        List<Pm25Format> formats = check(sources, options);
        Run run = new Run(sources, progress);
        WriteConsistency consistency = WriteConsistency.of(store.session());
        if (consistency.degraded()) {
            run.warnings.add(consistency.degradedReason());
        }
        DailyAggregator aggregator = new DailyAggregator();
        try {
            write(sources, formats, options, aggregator, run);
        } finally {
            notifyListener(run);
        }
        run.report(null, true);
        return new Pm25ImportResult(sources.size(), run.rowsRead, run.rowsImported, run.rowsRejected, run.rowsSkipped,
                run.hourlyRows, run.daysWritten, List.copyOf(run.rejects), copy(run.years), run.elapsed(),
                options.maxRejectedPercent(), List.copyOf(run.warnings));
    }

    /**
     * Writes every file, then the daily rows folded from the hourly ones. A file that ends early
     * stops the import there, but only after the daily rows of what was written are written too,
     * so the daily table agrees with the hourly rows that were kept; its error says what was kept.
     */
    private void write(List<Pm25Source> sources, List<Pm25Format> formats, Pm25ImportOptions options,
                       DailyAggregator aggregator, Run run) {
        InputEndedEarlyException endedEarly = null;
        try (Pm25Writer writer = store.writer()) {
            for (int i = 0; i < sources.size() && endedEarly == null; i++) {
                try {
                    importFile(sources.get(i), formats.get(i), options, writer, aggregator, run);
                } catch (InputEndedEarlyException e) {
                    endedEarly = e;
                }
            }
            writer.flush();
            for (DailyPm25 day : aggregator.days()) {
                writer.add(day);
                run.touch(day.location(), day.date().getYear());
            }
            writer.flush();
            run.daysWritten = writer.dailyWritten();
            run.hourlyRows = writer.hourlyWritten();
        }
        if (endedEarly != null) {
            throw new Pm25ImportException(String.format(Locale.ROOT, "%s. Kept what was read before line %d: "
                            + "%,d rows imported, %,d rejected (%,d hourly rows and %,d daily rows written; the daily "
                            + "rows are computed from the hourly rows kept). The rest of %s and any files after it were "
                            + "not imported: import the complete file again (rows are overwritten, not duplicated).",
                    endedEarly.getMessage(), endedEarly.line(), run.rowsImported, run.rowsRejected, run.hourlyRows,
                    run.daysWritten, endedEarly.file()), endedEarly);
        }
    }

    /**
     * Runs once the writer has waited for every request, also when the import failed half-way:
     * whatever reached Cassandra must not be hidden behind a stale cache entry.
     */
    private void notifyListener(Run run) {
        run.years.forEach((location, touched) -> {
            try {
                listener.yearsWritten(location, Set.copyOf(touched)).ifPresent(run.warnings::add);
            } catch (RuntimeException e) {
                run.warnings.add("import listener failed for " + location + ": " + e.getMessage());
            }
        });
    }

    private void importFile(Pm25Source source, Pm25Format format, Pm25ImportOptions options, Pm25Writer writer,
                            DailyAggregator aggregator, Run run) {
        try (CsvInput input = CsvInput.open(source, options.encoding())) {
            run.current = input;
            RowParser<?> parser = RowParser.of(format, input.header(), options.location(), options.encoding());
            CSVRecord record;
            while ((record = input.next()) != null) {
                run.rowsRead++;
                try {
                    input.requireWithinLimit();
                    Object row = parser.parse(record);
                    if (row instanceof HourlyReading hourly) {
                        writer.add(hourly);
                        aggregator.add(hourly);
                        run.touch(hourly.location(), hourly.year());
                        run.rowsImported++;
                    } else if (row instanceof DailyPm25 day) {
                        writer.add(day);
                        run.touch(day.location(), day.date().getYear());
                        run.rowsImported++;
                    } else {
                        run.rowsSkipped++;
                    }
                } catch (RowRejectedException e) {
                    run.reject(new RejectedRow(source.name(), input.line(), e.getMessage()));
                }
                if ((run.rowsRead & 255) == 0) {
                    run.report(input, false);
                }
            }
            run.bytesBefore += source.size() > 0 ? source.size() : 0;
            run.current = null;
        }
    }

    private static Pm25Format formatOf(CsvInput input, Pm25ImportOptions options) {
        Pm25Format detected = Pm25Format.detect(input.header()).orElse(null);
        Pm25Format format = options.format() == null ? detected : options.format();
        if (format == null) {
            throw new Pm25ImportException(input.file() + ": not a PM2.5 CSV this importer knows: header "
                    + abbreviate(String.join(",", input.header())) + " matches none of daily ("
                    + String.join(",", Pm25Format.DAILY.columns()) + "), prsa-multisite or prsa-single");
        }
        if (!format.matches(input.header())) {
            throw new Pm25ImportException(input.file() + ": header does not fit --format " + format.cliName()
                    + " (expected " + String.join(",", format.columns()) + ", found "
                    + abbreviate(String.join(",", input.header())) + ")");
        }
        if (format.carriesLocation() && options.location() != null) {
            throw new IllegalArgumentException(input.file() + " is in the " + format.cliName()
                    + " format, whose rows name their location: --location is not allowed");
        }
        if (!format.carriesLocation() && options.location() == null) {
            throw new IllegalArgumentException(input.file() + " is in the " + format.cliName()
                    + " format, which has no location column: --location NAME is required");
        }
        return format;
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    private static Map<String, Set<Integer>> copy(Map<String, Set<Integer>> years) {
        Map<String, Set<Integer>> copy = new LinkedHashMap<>();
        years.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        return copy;
    }

    /** Counters of one import, updated by the importing thread only. */
    private static final class Run {
        final long started = System.nanoTime();
        final long bytesTotal;
        final Consumer<Pm25ImportProgress> progress;
        final List<RejectedRow> rejects = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final Map<String, Set<Integer>> years = new LinkedHashMap<>();
        CsvInput current;
        long bytesBefore;
        long lastReport;
        long rowsRead;
        long rowsImported;
        long rowsRejected;
        long rowsSkipped;
        long hourlyRows;
        long daysWritten;
        String lastLocation;
        Set<Integer> lastYears;

        Run(List<Pm25Source> sources, Consumer<Pm25ImportProgress> progress) {
            this.progress = progress;
            this.bytesTotal = sources.stream().allMatch(s -> s.size() > 0)
                    ? sources.stream().mapToLong(Pm25Source::size).sum() : -1;
        }

        void touch(String location, int year) {
            if (!location.equals(lastLocation)) {
                lastLocation = location;
                lastYears = years.computeIfAbsent(location, k -> new TreeSet<>());
            }
            lastYears.add(year);
        }

        void reject(RejectedRow row) {
            rowsRejected++;
            if (rejects.size() < Pm25ImportResult.REJECTS_KEPT) {
                rejects.add(row);
            }
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - started);
        }

        void report(CsvInput input, boolean last) {
            long now = System.nanoTime();
            if (!last && now - lastReport < PROGRESS_EVERY_NANOS) {
                return;
            }
            lastReport = now;
            long bytes = bytesBefore + (input == null ? 0 : input.bytesRead());
            progress.accept(new Pm25ImportProgress(input == null ? null : input.file(), rowsRead, rowsImported,
                    rowsRejected, last ? Math.max(bytes, bytesTotal) : bytes, bytesTotal, elapsed()));
        }
    }
}
