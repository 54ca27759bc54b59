package io.ringside.core.data.dataset;

import java.util.List;

/**
 * Outcome of re-reading a version: every chunk that is missing, not a gzip member, of the wrong
 * length or hash, and whether the whole file's sha-256 still matches the manifest.
 */
public record VerifyResult(String name, int version, int chunksChecked, long rawBytes, String sha256,
                           boolean wholeShaMatches, List<BadChunk> badChunks) {

    /** A chunk that failed verification, by its global sequence number. */
    public record BadChunk(int seq, String reason) {
    }

    public boolean ok() {
        return wholeShaMatches && badChunks.isEmpty();
    }
}
