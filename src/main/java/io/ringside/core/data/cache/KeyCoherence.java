package io.ringside.core.data.cache;

import io.ringside.core.TtlText;
import java.util.List;

/**
 * One cached key in a coherence check.
 *
 * @param ttlMillis the key's remaining time to live, -1 without one
 */
public record KeyCoherence(String namespace, String key, CoherenceState state, long ttlMillis,
                           List<String> differences, String detail) {

    /** The TTL as the key browser shows it ({@link TtlText}). */
    public String ttlText() {
        return TtlText.of(ttlMillis);
    }

    static KeyCoherence of(String namespace, String key, long ttlMillis, CoherenceVerdict verdict) {
        return new KeyCoherence(namespace, key, verdict.state(), ttlMillis, verdict.differences(), verdict.detail());
    }
}
