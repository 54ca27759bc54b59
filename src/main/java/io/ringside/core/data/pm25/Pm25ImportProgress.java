package io.ringside.core.data.pm25;

import java.time.Duration;

/** A snapshot of a running import; {@code bytesTotal} is the size of all input files on disk. */
public record Pm25ImportProgress(String file, long rowsRead, long rowsImported, long rowsRejected,
                                 long bytesDone, long bytesTotal, Duration elapsed) {

    public double rowsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : rowsRead / seconds;
    }

    /** Share of the input consumed, 0-100, or -1 when the size is unknown. */
    public double percent() {
        return bytesTotal <= 0 ? -1 : Math.min(100.0, 100.0 * bytesDone / bytesTotal);
    }
}
