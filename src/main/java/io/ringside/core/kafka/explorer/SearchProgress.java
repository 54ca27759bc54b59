package io.ringside.core.kafka.explorer;

import java.time.Duration;

/**
 * Where a search stands: records scanned of {@code total} (the records between its bounds when it
 * started), matches found and kept, and how long it has run.
 */
public record SearchProgress(long scanned, long total, long matched, int kept, Duration elapsed) {

    public double ratePerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : scanned / seconds;
    }
}
