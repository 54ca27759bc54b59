package io.ringside.core.data.cache;

/** How a cached value compares with the source rows it was read from. */
public enum CoherenceState {
    /** The cached value is what the source gives now (a negative entry: the rows are still absent). */
    FRESH,
    /** The source changed since the value was cached, or the cached bytes cannot be read. */
    STALE,
    /** The cached value has no source rows any more. */
    ORPHANED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
