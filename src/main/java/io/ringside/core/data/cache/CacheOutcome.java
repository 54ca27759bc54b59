package io.ringside.core.data.cache;

/** How a cache-aside read was served; the trend screen and the CLI show it next to the latency. */
public enum CacheOutcome {
    /** Served from Redis. */
    HIT,
    /** Redis remembered that the rows do not exist (negative entry). */
    NEGATIVE_HIT,
    /** Read from Cassandra (by this reader or a lease holder it waited for) and now cached. */
    MISS,
    /** The caller asked to skip the cache. */
    BYPASS,
    /** Redis failed; read from Cassandra without caching. */
    DEGRADED;

    public String label() {
        return switch (this) {
            case HIT, NEGATIVE_HIT -> "hit";
            case MISS -> "miss";
            case BYPASS -> "bypass";
            case DEGRADED -> "degraded";
        };
    }
}
