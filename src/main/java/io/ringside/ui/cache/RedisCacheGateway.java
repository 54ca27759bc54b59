package io.ringside.ui.cache;

import io.ringside.core.BackendUnavailableException;
import io.ringside.core.data.cache.CacheStatsMessage;
import io.ringside.core.data.cache.CoherenceCheck;
import io.ringside.core.data.cache.CoherenceReport;
import io.ringside.core.redis.EvictionPreview;
import io.ringside.core.redis.EvictionProgress;
import io.ringside.core.redis.InfoSnapshot;
import io.ringside.core.redis.KeyActionResult;
import io.ringside.core.redis.KeyDetail;
import io.ringside.core.redis.KeyPageListener;
import io.ringside.core.redis.KeyScan;
import io.ringside.core.redis.PatternEviction;
import io.ringside.core.redis.RedisServices;
import io.ringside.core.redis.ScanRequest;
import io.ringside.core.redis.ServerStats;
import io.ringside.core.redis.ValueView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The real gateway, over the active profile's Redis as {@link RedisServices} holds it; the services
 * are asked for on every call, so after a profile switch the next call uses the new profile's.
 */
public final class RedisCacheGateway implements CacheGateway {

    private final Supplier<RedisServices> services;
    private final Supplier<CoherenceCheck> coherence;

    public RedisCacheGateway(Supplier<RedisServices> services) {
        this(services, null);
    }

    /**
     * With {@code coherence}, the check of the cached values against Cassandra, asked for on every
     * check so a profile switch takes effect (the console's: the active profile's data services).
     */
    public RedisCacheGateway(Supplier<RedisServices> services, Supplier<CoherenceCheck> coherence) {
        this.services = services;
        this.coherence = coherence;
    }

    /** Over one set of services for good (tests and benchmarks with clients of their own). */
    public RedisCacheGateway(RedisServices services) {
        this(() -> services);
    }

    @Override
    public CoherenceReport checkCoherence(String namespace, int sample) {
        if (coherence == null) {
            throw new IllegalStateException("No coherence check: this page has no data services");
        }
        return coherence.get().run(namespace, sample);
    }

    private RedisServices services() {
        return services.get();
    }

    @Override
    public Optional<String> sentinelMaster() {
        return services().sentinelMaster().map(io.ringside.core.connect.RedisMaster::describe);
    }

    @Override
    public ConsoleGateway console() {
        return new RedisConsoleGateway(services);
    }

    @Override
    public Control scan(ScanRequest request, KeyPageListener listener) {
        KeyScan scan = services().scanner().start(request, KeyDetail.TYPE_TTL, listener);
        return new Control() {
            @Override
            public void pause() {
                scan.pause();
            }

            @Override
            public void resume() {
                scan.resume();
            }

            @Override
            public void stop() {
                scan.stop();
            }

            @Override
            public Optional<String> failure() {
                return scan.failure().map(RuntimeException::getMessage);
            }
        };
    }

    @Override
    public List<io.ringside.core.redis.ClusterNode> clusterNodes() {
        return services().clusterNodes();
    }

    @Override
    public long[] sizes(List<byte[]> keys) {
        return services().scanner().sizes(keys);
    }

    @Override
    public ValueView read(byte[] key, String page, int pageSize, boolean force) {
        return services().values().read(key, page, pageSize, force);
    }

    @Override
    public long save(byte[] key, Path file) {
        return services().values().save(key, file);
    }

    @Override
    public KeyActionResult setTtl(List<byte[]> keys, Duration ttl) {
        return services().admin().setTtl(keys, ttl);
    }

    @Override
    public KeyActionResult persist(List<byte[]> keys) {
        return services().admin().persist(keys);
    }

    @Override
    public KeyActionResult evict(List<byte[]> keys) {
        return services().admin().evict(keys);
    }

    @Override
    public EvictionPreview preview(String pattern, int sampleSize) {
        return services().admin().preview(pattern, sampleSize);
    }

    @Override
    public Control evictByPattern(String pattern, String typed, Consumer<EvictionProgress> listener) {
        PatternEviction eviction = services().admin().evictByPattern(pattern, typed, listener);
        return new Control() {
            @Override
            public void pause() {
                eviction.pause();
            }

            @Override
            public void resume() {
                eviction.resume();
            }

            @Override
            public void stop() {
                eviction.cancel();
            }

            @Override
            public Optional<String> failure() {
                return Optional.empty();
            }
        };
    }

    @Override
    public void setEvictionPolicy(String policy) {
        services().admin().setEvictionPolicy(policy);
    }

    /**
     * Read-only once the profile's connection is closed: a server poll that ends while the console
     * closes or switches profile asks this on the FX thread, where the closed connection's
     * exception had nobody to catch it.
     */
    @Override
    public boolean readOnly() {
        try {
            return services().readOnly();
        } catch (BackendUnavailableException closed) {
            return true;
        }
    }

    @Override
    public InfoSnapshot sample() {
        return services().stats().sample();
    }

    @Override
    public AutoCloseable cacheStats(Consumer<CacheStatsMessage> listener) {
        return services().cacheStats(listener);
    }

    @Override
    public List<ServerStats.SlowEntry> slowlog(int max) {
        return services().stats().slowlog(max);
    }

    @Override
    public List<Map<String, String>> clients() {
        return services().stats().clients();
    }
}
