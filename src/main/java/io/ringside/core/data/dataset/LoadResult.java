package io.ringside.core.data.dataset;

import java.time.Duration;

/** What a finished load stored; {@code degradedReason} is null unless writes fell back to ONE. */
public record LoadResult(String name, int version, String kind, int chunks, long rawBytes, long storedBytes,
                         String sha256, Duration elapsed, String degradedReason) {

    public double megabytesPerSecond() {
        double seconds = Math.max(1e-9, elapsed.toNanos() / 1e9);
        return rawBytes / 1e6 / seconds;
    }
}
