package io.ringside.core.data.cache;

import java.util.List;
import java.util.Locale;

/**
 * One cached key in a coherence check.
 *
 * @param ttlMillis the key's remaining time to live, -1 without one
 */
public record KeyCoherence(String namespace, String key, CoherenceState state, long ttlMillis,
                           List<String> differences, String detail) {

    /** The TTL as an operator reads it: {@code 5h 59m}, {@code 12m 03s}, {@code 42 s}, {@code —} without one. */
    public String ttlText() {
        if (ttlMillis < 0) {
            return "—";
        }
        long seconds = (ttlMillis + 999) / 1000;
        if (seconds < 60) {
            return seconds + " s";
        }
        return seconds < 3600 ? String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60)
                : String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }

    static KeyCoherence of(String namespace, String key, long ttlMillis, CoherenceVerdict verdict) {
        return new KeyCoherence(namespace, key, verdict.state(), ttlMillis, verdict.differences(), verdict.detail());
    }
}
