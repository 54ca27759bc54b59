package io.ringside.ui.cache;

import io.ringside.core.data.cache.CacheStatsMessage;
import io.ringside.core.redis.ClusterNode;
import io.ringside.core.data.cache.CoherenceReport;
import io.ringside.core.redis.EvictionPreview;
import io.ringside.core.redis.EvictionProgress;
import io.ringside.core.redis.InfoSnapshot;
import io.ringside.core.redis.KeyActionResult;
import io.ringside.core.redis.KeyPageListener;
import io.ringside.core.redis.ScanRequest;
import io.ringside.core.redis.ServerStats;
import io.ringside.core.redis.ValueView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the Cache page needs from {@code core.redis}, narrowed to one interface so the view-models
 * are tested with a fake. Every method may block on the network: call them off the FX thread.
 */
public interface CacheGateway {

    /** Pause, resume and stop of a running scan or eviction; they act at page boundaries. */
    interface Control {
        void pause();

        void resume();

        void stop();

        /** Why it failed, once it has ended; empty while running or when it did not fail. */
        Optional<String> failure();
    }

    /**
     * Starts a scan with type and TTL, sizes left {@link io.ringside.core.redis.KeyInfo#SIZE_NOT_FETCHED}
     * (see {@link #sizes}); pages reach {@code listener} on a scanner thread, the last one marked done.
     */
    Control scan(ScanRequest request, KeyPageListener listener);

    /** MEMORY USAGE of each key, in order, {@code -1} for a key that is gone: for the rows on screen. */
    long[] sizes(List<byte[]> keys);

    ValueView read(byte[] key, String page, int pageSize, boolean force);

    long save(byte[] key, Path file);

    KeyActionResult setTtl(List<byte[]> keys, Duration ttl);

    KeyActionResult persist(List<byte[]> keys);

    KeyActionResult evict(List<byte[]> keys);

    EvictionPreview preview(String pattern, int sampleSize);

    /** Starts evicting by pattern; {@code typed} must equal the pattern (checked by the core). */
    Control evictByPattern(String pattern, String typed, Consumer<EvictionProgress> listener);

    InfoSnapshot sample();

    /** Sets {@code maxmemory-policy}; refused under a read-only profile, audited either way. */
    void setEvictionPolicy(String policy);

    /** Whether the active profile is read-only (asked again on every call; cheap, no network). */
    boolean readOnly();

    /** Follows the application's per-namespace cache counters; messages arrive on the feed's thread. */
    AutoCloseable cacheStats(Consumer<CacheStatsMessage> listener);

    /**
     * Compares the cached keys of Ringside's namespaces with their source rows (reads only).
     *
     * @param namespace {@code pm25}, {@code dataset}, or null for both
     * @param sample    at most this many keys per namespace, 0 for all
     */
    CoherenceReport checkCoherence(String namespace, int sample);

    List<ServerStats.SlowEntry> slowlog(int max);

    List<Map<String, String>> clients();

    /**
     * The Redis Cluster's nodes with their roles as one node lists them now (masters, replicas,
     * failed ones); empty for a single server. Reading them also makes the scans follow a failover.
     */
    default List<ClusterNode> clusterNodes() {
        return List.of();
    }

    /**
     * For a sentinel profile, the master commands go to now ({@code host:port via Sentinel name});
     * empty for any other profile.
     */
    default Optional<String> sentinelMaster() {
        return Optional.empty();
    }

    /** The Redis command console of the same profile (the Console tab). */
    default ConsoleGateway console() {
        throw new UnsupportedOperationException("this gateway has no Redis console");
    }
}
