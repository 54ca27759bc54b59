package io.ringside.core.data.export;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A finished export.
 *
 * @param rangesKept ranges taken from an earlier run of the same job rather than read again
 */
public record ExportResult(Path target, long rows, long bytes, int ranges, int rangesKept, Duration elapsed) {

    public double rowsPerSecond() {
        return rows / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }
}
