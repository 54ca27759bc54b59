package io.ringside.core.data.pm25;

import java.util.Set;

/**
 * Told which location-years an import changed, once their rows are in Cassandra, so a cache of
 * one location-year per key can delete exactly those keys (deleting after the write is what
 * keeps a concurrent reader from caching the old rows again for a full TTL).
 */
@FunctionalInterface
public interface Pm25ImportListener {

    Pm25ImportListener NONE = (location, years) -> { };

    void yearsWritten(String location, Set<Integer> years);
}
