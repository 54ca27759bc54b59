package io.ringside.core.data.export;

import java.time.Duration;

/**
 * Where an export stands.
 *
 * @param rangesKept ranges finished by an earlier run of the same job and not read again
 * @param rows       rows in finished ranges and in the pages read so far, kept ranges included
 */
public record ExportProgress(long rows, int rangesDone, int rangesTotal, int rangesKept, Duration elapsed) {

    /**
     * The table's rows extrapolated from the share of the ring read so far (the ranges are even
     * slices of it and keys hash evenly over it); {@code rows} until a range is done.
     */
    public long estimatedTotal() {
        if (rangesDone == 0 || rangesDone >= rangesTotal) {
            return rows;
        }
        return Math.max(rows, Math.round(rows * (double) rangesTotal / rangesDone));
    }
}
