package io.ringside.core.data.cache;

import java.util.Optional;

/**
 * How the cached values of one namespace compare with their source: which keys are its values,
 * and what the source says of each now. Each namespace that caches through {@link CacheAside}
 * brings its own, next to its codec and its source reader.
 */
public interface CoherenceRule {

    /** The cache namespace, as counted in the metrics ({@code pm25}, {@code dataset}). */
    String namespace();

    /** A SCAN MATCH glob covering the namespace's keys. */
    String pattern();

    /**
     * Re-reads the source of {@code key} and compares it with the stored bytes (envelope included,
     * see {@link CacheAside#decodeStored}).
     *
     * @return empty when the key is not one of the namespace's values (another kind of key under the
     *         same prefix): it is left out of the report
     */
    Optional<CoherenceVerdict> check(String key, byte[] stored);
}
