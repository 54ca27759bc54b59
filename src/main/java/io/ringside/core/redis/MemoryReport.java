package io.ringside.core.redis;

import java.util.List;

/**
 * The largest keys and namespaces (key prefixes up to the first {@code :}) of a memory analysis.
 *
 * @param sampled  the analysis looked at the first {@code examined} keys of the scan, not all of them
 * @param bytes    total MEMORY USAGE of the keys examined
 */
public record MemoryReport(List<KeyInfo> topKeys, List<Namespace> topNamespaces, long examined, long bytes,
                           long dbSize, boolean sampled) {

    public record Namespace(String name, long keys, long bytes) {
    }
}
