package io.ringside.core.jobs;

import io.ringside.core.ByteSize;
import io.ringside.core.data.pm25.Pm25ImportResult;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The text a PM2.5 import job ends with: a sentence that says what was imported, then its figures,
 * one per line, as the CLI prints them, and for a failed import the reason, so every watcher reads
 * the same account of the import. The sentence comes first because a message's first line is what
 * one-line views show ({@code jobs list}, the Jobs page's timeline, the Streams page's summary of a
 * progress message): with the figures first they showed "files 1". A load of the built-in sample
 * names it in its figures too ({@code source         built-in sample}) instead of counting it as a
 * file: nothing reads that line but people (the CLI's summary on stdout, the job's details).
 */
public final class Pm25Summary {

    private Pm25Summary() {
    }

    /**
     * @param bytes  the size of the files read; 0 when unknown
     * @param sample whether the built-in sample was among the sources (it counts in {@code r.files()})
     */
    public static String of(Pm25ImportResult r, long bytes, boolean sample) {
        double seconds = r.elapsed().toNanos() / 1e9;
        String warnings = r.warnings().stream().map(w -> "\nwarning        " + w).collect(Collectors.joining());
        return String.join("\n", headline(r, bytes, sample),
                sample ? "source         " + sources(r, true) : "files          " + r.files(),
                String.format(Locale.ROOT, "rows read      %d", r.rowsRead()),
                String.format(Locale.ROOT, "rows imported  %d", r.rowsImported()),
                String.format(Locale.ROOT, "rows rejected  %d (%.2f%%, limit %s%%)", r.rowsRejected(), r.rejectedPercent(),
                        formatPercent(r.maxRejectedPercent())),
                String.format(Locale.ROOT, "rows skipped   %d (no reading)", r.rowsSkipped()),
                String.format(Locale.ROOT, "hourly rows    %d", r.hourlyRows()),
                String.format(Locale.ROOT, "days written   %d", r.daysWritten()),
                String.format(Locale.ROOT, "elapsed        %.2f s", seconds),
                String.format(Locale.ROOT, "rows/s         %.0f", r.rowsPerSecond()),
                String.format(Locale.ROOT, "status         %s", r.failed() ? "failed" : "succeeded")) + warnings;
    }

    /**
     * The import in one line of words: {@code 1 file, 26.4 MB, 12,345 rows imported, 3 rejected}.
     * The built-in sample is named as such ({@code the built-in sample, 9 rows imported}): it is
     * not a file the user gave, and "1 file" sent a reader looking for one.
     *
     * @param bytes  the size of the files read; 0 when unknown
     * @param sample whether the built-in sample was among the sources (it counts in {@code r.files()})
     */
    public static String headline(Pm25ImportResult r, long bytes, boolean sample) {
        StringBuilder line = new StringBuilder(sample ? "the " + sources(r, true) : sources(r, false));
        if (bytes > 0) {
            line.append(", ").append(ByteSize.format(bytes));
        }
        line.append(String.format(Locale.ROOT, ", %,d %s imported", r.rowsImported(), r.rowsImported() == 1 ? "row" : "rows"));
        if (r.rowsRejected() > 0) {
            line.append(String.format(Locale.ROOT, ", %,d rejected", r.rowsRejected()));
        }
        return line.toString();
    }

    /**
     * What was read: {@code 3 files}, {@code built-in sample}, {@code built-in sample and 1 file}.
     * The sample counts in {@code r.files()} but is no file: a sample-only load's figures said
     * "files 1".
     */
    private static String sources(Pm25ImportResult r, boolean sample) {
        int files = r.files() - (sample ? 1 : 0);
        String given = String.format(Locale.ROOT, "%,d %s", files, files == 1 ? "file" : "files");
        if (!sample) {
            return given;
        }
        return files > 0 ? "built-in sample and " + given : "built-in sample";
    }

    public static String failure(Pm25ImportResult r) {
        return String.format(Locale.ROOT, "import failed: %,d of %,d rows rejected (%.2f%%, above --max-rejected %s%%). "
                        + "The %,d valid rows were written and stay written; fix the file and import it again "
                        + "(rows are overwritten, not duplicated).", r.rowsRejected(), r.rowsRead(), r.rejectedPercent(),
                formatPercent(r.maxRejectedPercent()), r.rowsImported());
    }

    private static String formatPercent(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
