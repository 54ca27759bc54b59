package io.ringside.core.data.dataset;

import io.ringside.core.data.cache.CacheAside;
import io.ringside.core.data.cache.CoherenceRule;
import io.ringside.core.data.cache.CoherenceVerdict;
import io.ringside.core.data.cache.ValueCodec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The coherence rule of cached dataset chunks: the cached gzip member against the chunk read from
 * Cassandra again, byte for byte. A version's chunks never change once complete, so a stale chunk
 * means a version was rewritten under the same number or the cache was written by something else;
 * a chunk whose version was deleted is orphaned. Other keys of the namespace (a version's
 * {@code meta}) are left out.
 */
public final class DatasetChunkCoherence implements CoherenceRule {

    private final DatasetChunkCache.ChunkSource source;

    public DatasetChunkCoherence(DatasetChunkCache.ChunkSource source) {
        this.source = source;
    }

    @Override
    public String namespace() {
        return DatasetChunkCache.NAMESPACE;
    }

    @Override
    public String pattern() {
        return DatasetChunkCache.NAMESPACE + ":*:chunk:*";
    }

    @Override
    public Optional<CoherenceVerdict> check(String key, byte[] stored) {
        Optional<DatasetChunkCache.Key> parsed = DatasetChunkCache.parseKey(key).filter(DatasetChunkCache.Key::chunk);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        String name = parsed.get().name();
        int version = parsed.get().version();
        int seq = parsed.get().seq();
        String chunk = "chunk " + seq;
        Optional<byte[]> now = source.readChunk(name, version, seq);
        Optional<byte[]> cached;
        try {
            cached = CacheAside.decodeStored(stored, ValueCodec.BYTES);
        } catch (RuntimeException e) {
            return Optional.of(CoherenceVerdict.stale(List.of(chunk), "cannot be decoded: " + e.getMessage()));
        }
        if (cached.isEmpty()) {
            return Optional.of(now.isEmpty() ? CoherenceVerdict.fresh("no such chunk, cached as absent")
                    : CoherenceVerdict.stale(List.of(chunk), chunk + " cached as absent, "
                    + now.get().length + " bytes in Cassandra"));
        }
        if (now.isEmpty()) {
            return Optional.of(CoherenceVerdict.orphaned(chunk + " cached (" + cached.get().length
                    + " bytes), version " + version + " of " + name + " has no such chunk in Cassandra"));
        }
        if (Arrays.equals(cached.get(), now.get())) {
            return Optional.of(CoherenceVerdict.fresh(chunk + ", " + now.get().length + " bytes, as in Cassandra"));
        }
        return Optional.of(CoherenceVerdict.stale(List.of(chunk), chunk + " differs: " + cached.get().length
                + " bytes cached, " + now.get().length + " in Cassandra"));
    }
}
