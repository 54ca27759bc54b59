package io.ringside.core.data.cache;

import java.util.List;

/**
 * What a namespace's rule found for one key.
 *
 * @param differences what differs: the days of a PM2.5 year, the chunk of a dataset; empty when
 *                    fresh or orphaned
 * @param detail      the finding in words, for the table and the CLI
 */
public record CoherenceVerdict(CoherenceState state, List<String> differences, String detail) {

    public static CoherenceVerdict fresh(String detail) {
        return new CoherenceVerdict(CoherenceState.FRESH, List.of(), detail);
    }

    public static CoherenceVerdict stale(List<String> differences, String detail) {
        return new CoherenceVerdict(CoherenceState.STALE, List.copyOf(differences), detail);
    }

    public static CoherenceVerdict orphaned(String detail) {
        return new CoherenceVerdict(CoherenceState.ORPHANED, List.of(), detail);
    }
}
