package io.ringside.core.data;

import io.ringside.core.NotFoundException;
import io.ringside.core.DataFolder;
import io.ringside.core.connect.Backends;
import io.ringside.core.data.cache.CacheAside;
import io.ringside.core.data.cache.CacheMetrics;
import io.ringside.core.data.cache.CacheStatsPublisher;
import io.ringside.core.data.cache.CacheWarmer;
import io.ringside.core.data.cache.CoherenceCheck;
import io.ringside.core.data.cache.PendingInvalidations;
import io.ringside.core.data.cache.RateLimiter;
import io.ringside.core.data.dataset.DatasetChunkCache;
import io.ringside.core.data.dataset.DatasetChunkCoherence;
import io.ringside.core.data.dataset.DatasetManifest;
import io.ringside.core.data.dataset.DatasetStore;
import io.ringside.core.data.pm25.Pm25Cache;
import io.ringside.core.data.pm25.Pm25Coherence;
import io.ringside.core.data.pm25.Pm25Importer;
import io.ringside.core.data.pm25.Pm25Store;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The data system over one profile's backends, wired once: one cache (so one set of metrics per
 * process), the stores, imports that invalidate the cached years they changed, and deletes that
 * drop the cached chunks of what they deleted. The CLI and the console build their services here
 * instead of each assembling the parts.
 */
public final class DataServices implements AutoCloseable {

    /** Built and not yet closed in this process: what holds the rule of one per profile to account. */
    private static final AtomicInteger OPEN = new AtomicInteger();

    private final Backends backends;
    private final Path dataFolder;
    private CacheAside cache;
    private Pm25Store pm25Store;
    private DatasetStore datasetStore;
    private CacheStatsPublisher statsPublisher;
    private boolean publishStats;
    private boolean closed;

    /** Services whose pending cache invalidations live in the default data folder. */
    public DataServices(Backends backends) {
        this(backends, DataFolder.resolve(null));
    }

    /**
     * Services of a data folder: invalidations that Redis does not take are kept there, per Redis
     * server, until a process using that server deletes them.
     */
    public DataServices(Backends backends, Path dataFolder) {
        this.backends = backends;
        this.dataFolder = dataFolder;
        OPEN.incrementAndGet();
    }

    /** How many data services this process has built and not closed. */
    public static int openInProcess() {
        return OPEN.get();
    }

    public Backends backends() {
        return backends;
    }

    /**
     * The cache, built on first use: a command that never reads through it (an export, a load)
     * does not load and open the Redis client.
     */
    public synchronized CacheAside cache() {
        if (cache == null) {
            Backends.Endpoints endpoints = backends.endpoints();
            cache = new CacheAside(backends.redis(), new CacheMetrics(),
                    PendingInvalidations.in(dataFolder, endpoints.redisHost(), endpoints.redisPort()));
            if (publishStats) {
                startStatsPublisher();
            }
        }
        return cache;
    }

    /**
     * Opens the Cassandra session and a Redis connection now rather than on first use, so that
     * latencies measured afterwards are those of the reads. Redis being down is not an error.
     */
    public void connect() {
        pm25Store();
        try {
            backends.redis().ping();
        } catch (redis.clients.jedis.exceptions.JedisException e) {
            // reads will degrade to Cassandra and say so
        }
    }

    public synchronized Pm25Store pm25Store() {
        if (pm25Store == null) {
            pm25Store = new Pm25Store(backends.cql());
        }
        return pm25Store;
    }

    public Pm25Cache pm25Cache() {
        Pm25Store store = pm25Store();
        return new Pm25Cache(cache(), store::readYear);
    }

    /**
     * An importer whose writes delete the cached location-years they touched.
     *
     * @throws io.ringside.core.connect.ReadOnlyProfileException under a read-only profile
     */
    public Pm25Importer pm25Importer() {
        backends.accessGuard().checkWritable("import PM2.5 data");
        Pm25Cache pm25Cache = pm25Cache();
        return new Pm25Importer(pm25Store(), pm25Cache::invalidate);
    }

    public synchronized DatasetStore datasetStore() {
        if (datasetStore == null) {
            datasetStore = new DatasetStore(backends.cql(), backends.accessGuard());
        }
        return datasetStore;
    }

    /** Chunks of complete versions through the cache; a chunk that is not there is a negative entry. */
    public DatasetChunkCache datasetChunkCache() {
        return new DatasetChunkCache(cache(), chunkSource());
    }

    private DatasetChunkCache.ChunkSource chunkSource() {
        DatasetStore store = datasetStore();
        return (name, version, seq) -> {
            try {
                return Optional.of(store.readChunk(name, version, seq));
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        };
    }

    /**
     * Compares the cached PM2.5 years and dataset chunks with Cassandra, through the same codecs
     * and source readers as the cache-aside reads. Reads only.
     */
    public CoherenceCheck coherenceCheck() {
        Pm25Store store = pm25Store();
        return new CoherenceCheck(backends.redis(), List.of(new Pm25Coherence(store::readYear),
                new DatasetChunkCoherence(chunkSource())));
    }

    /**
     * A warmer that fills Redis at {@code limiter}'s rate; warming writes to the cache, so a
     * read-only profile refuses it.
     */
    public CacheWarmer cacheWarmer(RateLimiter limiter) {
        backends.accessGuard().checkWritable("warm the cache");
        return new CacheWarmer(limiter);
    }

    /** Deletes versions and then their cached chunks, so no reader is served a deleted version. */
    public List<DatasetManifest> deleteDataset(String name, Integer version) {
        List<DatasetManifest> deleted = datasetStore().delete(name, version);
        List<String> keys = new ArrayList<>();
        for (DatasetManifest manifest : deleted) {
            for (int seq = 0; seq < manifest.chunkCount(); seq++) {
                keys.add(DatasetChunkCache.chunkKey(manifest.name(), manifest.version(), seq));
            }
            keys.add(DatasetChunkCache.metaKey(manifest.name(), manifest.version()));
        }
        cache().invalidate(DatasetChunkCache.NAMESPACE, keys);
        return deleted;
    }

    /**
     * Publishes this process's cache counters to {@code ringside.cache.stats} once a second while
     * it reads through the cache, for as long as these services are open, and the last second when
     * they close. Returns at once: Kafka is contacted on the publisher's thread at the first read,
     * and while it is away the counters are dropped, never waited for (see
     * {@link CacheStatsPublisher}). The CLI's and the console's per-profile services call this, so
     * each process has one publisher. The publisher starts with the cache: a command that never
     * reads through it builds neither (no Redis client, no publisher thread).
     */
    public synchronized void publishCacheStats() {
        publishStats = true;
        if (cache != null) {
            startStatsPublisher();
        }
    }

    private void startStatsPublisher() {
        if (statsPublisher == null && !closed) {
            statsPublisher = new CacheStatsPublisher(cache.metrics(), backends::kafkaProperties, Duration.ofSeconds(1));
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            OPEN.decrementAndGet();
        }
        if (statsPublisher != null) {
            statsPublisher.close();
            statsPublisher = null;
        }
        backends.close();
    }
}
