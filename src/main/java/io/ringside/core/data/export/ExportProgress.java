package io.ringside.core.data.export;

import java.time.Duration;

/**
 * Where an export stands.
 *
 * @param rows       rows in finished ranges and in the pages read so far, kept ranges included
 * @param bytes      bytes in the part files so far (compressed, for a gzipped export), kept ranges included
 * @param byRange    true for a table, or a query that is a plain scan, read as even slices of the
 *                   token ring; false for any other query, read as one statement whose row count
 *                   nothing tells before its last page
 * @param rangesKept ranges finished by an earlier run of the same job and not read again
 */
public record ExportProgress(long rows, long bytes, boolean byRange, int rangesDone, int rangesTotal, int rangesKept,
                             Duration elapsed) {

    /**
     * A table's rows extrapolated from the share of the ring read so far (the ranges are even
     * slices of it and keys hash evenly over it); {@code rows} until a range is done. 0, unknown,
     * for a query read as one range: its one "range" is done only with its last row, so the extrapolation said the
     * rows read so far were all of them, and a running export showed 100 %. A query read by token
     * range is extrapolated as a table is.
     */
    public long estimatedTotal() {
        if (!byRange) {
            return 0;
        }
        if (rangesDone == 0 || rangesDone >= rangesTotal) {
            return rows;
        }
        return Math.max(rows, Math.round(rows * (double) rangesTotal / rangesDone));
    }
}
