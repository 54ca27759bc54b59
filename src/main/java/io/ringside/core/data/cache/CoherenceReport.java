package io.ringside.core.data.cache;

import java.util.List;

/**
 * What a coherence check found, key by key, in the order SCAN gave the keys.
 *
 * @param namespaces the namespaces checked
 * @param sample     the most keys checked per namespace, 0 for all
 */
public record CoherenceReport(List<String> namespaces, int sample, List<KeyCoherence> keys) {

    public long count(CoherenceState state) {
        return keys.stream().filter(k -> k.state() == state).count();
    }

    /** The keys found stale, the ones an "evict stale" removes. */
    public List<String> staleKeys() {
        return keys.stream().filter(k -> k.state() == CoherenceState.STALE).map(KeyCoherence::key).toList();
    }

    /** "12 keys checked: 10 fresh, 1 stale, 1 orphaned". */
    public String summary() {
        return keys.size() + (keys.size() == 1 ? " key" : " keys") + " checked: " + count(CoherenceState.FRESH)
                + " fresh, " + count(CoherenceState.STALE) + " stale, " + count(CoherenceState.ORPHANED) + " orphaned";
    }
}
