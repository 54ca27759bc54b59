package io.ringside.core.data.pm25;

import java.util.Optional;
import java.util.Set;

/**
 * Told which location-years an import changed, once their rows are in Cassandra, so a cache of
 * one location-year per key can delete exactly those keys (deleting after the write is what
 * keeps a concurrent reader from caching the old rows again for a full TTL). What it returns is a
 * warning for the import's result, e.g. that the cache could not be told yet.
 */
@FunctionalInterface
public interface Pm25ImportListener {

    Pm25ImportListener NONE = (location, years) -> Optional.empty();

    Optional<String> yearsWritten(String location, Set<Integer> years);
}
