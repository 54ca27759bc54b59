package io.ringside.core.data.dataset;

import io.ringside.core.data.cache.CacheAside;
import io.ringside.core.data.cache.CachePolicy;
import io.ringside.core.data.cache.CacheRead;
import io.ringside.core.data.cache.ValueCodec;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dataset chunks through the cache-aside, for training sessions that read the same chunks many
 * times: the gzip bytes exactly as stored in Cassandra under
 * {@code dataset:<name>:<version>:chunk:<seq>}. A version's chunks never change once complete, so
 * the TTL only bounds memory use.
 */
public final class DatasetChunkCache {

    public static final String NAMESPACE = "dataset";
    private static final Pattern KEY = Pattern.compile(
            "dataset:(" + DatasetStore.NAME.pattern() + "):([1-9]\\d{0,8}):(?:chunk:(0|[1-9]\\d{0,8})|meta)");

    public static final CachePolicy POLICY = CachePolicy.of(Duration.ofHours(1)).withLease(Duration.ofSeconds(30));

    /** Reads one chunk's stored (gzip) bytes from Cassandra. */
    @FunctionalInterface
    public interface ChunkSource {
        Optional<byte[]> readChunk(String name, int version, int seq);
    }

    private final CacheAside cache;
    private final ChunkSource source;

    public DatasetChunkCache(CacheAside cache, ChunkSource source) {
        this.cache = cache;
        this.source = source;
    }

    public static String chunkKey(String name, int version, int seq) {
        return "dataset:" + name + ":" + version + ":chunk:" + seq;
    }

    public static String metaKey(String name, int version) {
        return "dataset:" + name + ":" + version + ":meta";
    }

    /**
     * What a key of this namespace names: a chunk ({@code seq} at least 0) or a version's manifest
     * entry ({@code seq} {@link #META}).
     */
    public record Key(String name, int version, int seq) {

        public static final int META = -1;

        public boolean chunk() {
            return seq != META;
        }
    }

    /** What {@code key} names, the inverse of {@link #chunkKey} and {@link #metaKey}; empty for anything else. */
    public static Optional<Key> parseKey(String key) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Key(m.group(1), Integer.parseInt(m.group(2)),
                m.group(3) == null ? Key.META : Integer.parseInt(m.group(3))));
    }

    public CacheRead<byte[]> chunk(String name, int version, int seq) {
        return cache.get(NAMESPACE, chunkKey(name, version, seq), ValueCodec.BYTES, POLICY,
                () -> source.readChunk(name, version, seq));
    }
}
