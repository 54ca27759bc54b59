package io.ringside.core;

import java.util.Locale;

/**
 * A key's remaining time to live as an operator reads it, the same in the key browser, the
 * coherence check and the CLI: the two largest units, so a glance tells minutes from days.
 */
public final class TtlText {

    private TtlText() {
    }

    /**
     * {@code 42 s}, {@code 12m 03s}, {@code 5h 59m}, {@code 2d 03h}; {@code expired} at zero and
     * {@code —} for a negative value (a key without a TTL).
     */
    public static String of(long remainingMillis) {
        if (remainingMillis < 0) {
            return "—";
        }
        long seconds = (remainingMillis + 999) / 1000;
        if (seconds == 0) {
            return "expired";
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86_400) {
            return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%dd %02dh", seconds / 86_400, seconds % 86_400 / 3600);
    }
}
