package io.ringside.core.jobs;

import io.ringside.core.data.pm25.Pm25ImportResult;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The text a PM2.5 import job ends with: its figures, one per line, as the CLI prints them, and
 * for a failed import the reason, so every watcher reads the same account of the import.
 */
public final class Pm25Summary {

    private Pm25Summary() {
    }

    public static String of(Pm25ImportResult r) {
        double seconds = r.elapsed().toNanos() / 1e9;
        String warnings = r.warnings().stream().map(w -> "\nwarning        " + w).collect(Collectors.joining());
        return String.join("\n",
                String.format(Locale.ROOT, "files          %d", r.files()),
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
