package io.ringside.core.redis;

/**
 * Progress of a pattern eviction: keys removed so far and where the underlying scan stands.
 *
 * @param outcome {@code null} while running, then {@code ok}, {@code cancelled} or {@code failed: <reason>}
 */
public record EvictionProgress(long removed, ScanProgress scan, String outcome) {

    public boolean done() {
        return outcome != null;
    }
}
