package io.ringside.core.data.pm25;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an import did. {@code rowsImported} are CSV rows written (hourly rows, or days of the daily
 * format); {@code rowsSkipped} are valid rows without a reading to import; {@code daysWritten}
 * counts rows written to the daily table. When {@link #failed()}, the rows that were valid
 * have been written all the same: the threshold judges the file, it does not roll back.
 */
public record Pm25ImportResult(int files, long rowsRead, long rowsImported, long rowsRejected, long rowsSkipped,
                               long hourlyRows, long daysWritten, List<RejectedRow> firstRejects,
                               Map<String, Set<Integer>> yearsWritten, Duration elapsed, double maxRejectedPercent,
                               List<String> warnings) {

    /** How many rejected rows are kept with file and line. */
    public static final int REJECTS_KEPT = 20;

    public double rejectedPercent() {
        return rowsRead == 0 ? 0 : 100.0 * rowsRejected / rowsRead;
    }

    public boolean failed() {
        return rejectedPercent() > maxRejectedPercent;
    }

    public double rowsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : rowsRead / seconds;
    }
}
