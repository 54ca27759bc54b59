package io.ringside.ui.testing;

import io.ringside.core.data.cache.CacheStatsMessage;
import io.ringside.core.redis.EvictionPreview;
import io.ringside.core.redis.EvictionProgress;
import io.ringside.core.redis.InfoSnapshot;
import io.ringside.core.redis.KeyActionResult;
import io.ringside.core.redis.KeyFailure;
import io.ringside.core.redis.KeyInfo;
import io.ringside.core.redis.KeyPageListener;
import io.ringside.core.redis.ScanProgress;
import io.ringside.core.redis.ScanRequest;
import io.ringside.core.redis.ServerStats;
import io.ringside.core.redis.ValueView;
import io.ringside.ui.cache.CacheGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A Redis for view-model tests: scans and evictions deliver what the test emits, admin actions
 * fail for the keys the test names, INFO samples come from a queue. Records what was asked.
 */
public final class FakeCacheGateway implements CacheGateway {

    /** Records the control calls of one scan or eviction. */
    public static final class Recorder implements Control {
        public final List<String> calls = new ArrayList<>();

        @Override
        public void pause() {
            calls.add("pause");
        }

        @Override
        public void resume() {
            calls.add("resume");
        }

        @Override
        public void stop() {
            calls.add("stop");
        }

        @Override
        public Optional<String> failure() {
            return Optional.empty();
        }
    }

    public final List<ScanRequest> scans = new ArrayList<>();
    public final List<String> actions = new ArrayList<>();
    public final Deque<InfoSnapshot> samples = new ArrayDeque<>();
    public final List<byte[]> missing = new ArrayList<>();
    /** Every key whose size was asked, in order; each is answered with its name's length times 10. */
    public final List<String> sizesAsked = new ArrayList<>();
    public Recorder scanControl;
    public Recorder evictionControl;
    public EvictionPreview preview = new EvictionPreview("*", 0, List.of());
    public ValueView value;
    public RuntimeException sampleFailure;
    /** What {@link #sentinelMaster} answers: a sentinel profile's master, or null for another profile. */
    public volatile String sentinelMaster;
    private KeyPageListener scanListener;
    private Consumer<EvictionProgress> evictionListener;
    private volatile Consumer<CacheStatsMessage> statsListener;

    public static KeyInfo key(String name, String type, long ttlMs, long bytes) {
        return new KeyInfo(name.getBytes(StandardCharsets.UTF_8), type, ttlMs, bytes);
    }

    @Override
    public long[] sizes(List<byte[]> keys) {
        long[] sizes = new long[keys.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizesAsked.add(new String(keys.get(i), StandardCharsets.UTF_8));
            sizes[i] = keys.get(i).length * 10L;
        }
        return sizes;
    }

    /** The policy {@link #setEvictionPolicy} sets, or refuses to set while {@link #readOnly} is true. */
    public String evictionPolicy = "allkeys-lru";
    public boolean readOnly;

    @Override
    public void setEvictionPolicy(String policy) {
        actions.add("policy " + policy);
        if (readOnly) {
            throw new io.ringside.core.connect.ReadOnlyProfileException("Refused: the connection profile is read-only");
        }
        evictionPolicy = policy;
    }

    /** What {@link #checkCoherence} answers; the namespaces and samples asked for go to {@link #actions}. */
    public io.ringside.core.data.cache.CoherenceReport coherence = new io.ringside.core.data.cache.CoherenceReport(
            List.of("pm25", "dataset"), 0, List.of());

    @Override
    public io.ringside.core.data.cache.CoherenceReport checkCoherence(String namespace, int sample) {
        actions.add("check " + namespace + " " + sample);
        return coherence;
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    /** Delivers a page to the running scan's listener, as the scanner thread would. */
    public void emit(List<KeyInfo> keys, long examined, long dbSize, boolean done) {
        scanListener.page(keys, new ScanProgress(examined, keys.size(), dbSize, done));
    }

    public void emitEviction(long removed, String outcome) {
        evictionListener.accept(new EvictionProgress(removed, new ScanProgress(removed, removed, 100, outcome != null),
                outcome));
    }

    @Override
    public Control scan(ScanRequest request, KeyPageListener listener) {
        scans.add(request);
        scanListener = listener;
        scanControl = new Recorder();
        return scanControl;
    }

    @Override
    public ValueView read(byte[] key, String page, int pageSize, boolean force) {
        actions.add("read " + new String(key, StandardCharsets.UTF_8) + (force ? " force" : ""));
        return value;
    }

    @Override
    public long save(byte[] key, Path file) {
        actions.add("save " + file.getFileName());
        return 1;
    }

    @Override
    public KeyActionResult setTtl(List<byte[]> keys, Duration ttl) {
        return act("ttl " + ttl.toSeconds(), keys);
    }

    @Override
    public KeyActionResult persist(List<byte[]> keys) {
        return act("persist", keys);
    }

    @Override
    public KeyActionResult evict(List<byte[]> keys) {
        if (readOnly) {
            actions.add("evict refused");
            throw new io.ringside.core.connect.ReadOnlyProfileException("Refused: the connection profile is read-only");
        }
        return act("evict", keys);
    }

    private KeyActionResult act(String action, List<byte[]> keys) {
        actions.add(action + " " + keys.size());
        List<KeyFailure> failed = keys.stream()
                .filter(key -> missing.stream().anyMatch(m -> Arrays.equals(m, key)))
                .map(key -> new KeyFailure(key, "no such key")).toList();
        return new KeyActionResult(keys.size() - failed.size(), failed);
    }

    @Override
    public EvictionPreview preview(String pattern, int sampleSize) {
        actions.add("preview " + pattern);
        return preview;
    }

    @Override
    public Control evictByPattern(String pattern, String typed, Consumer<EvictionProgress> listener) {
        actions.add("evict-pattern " + pattern + " typed " + typed);
        evictionListener = listener;
        evictionControl = new Recorder();
        return evictionControl;
    }

    @Override
    public InfoSnapshot sample() {
        if (sampleFailure != null) {
            throw sampleFailure;
        }
        return samples.isEmpty() ? new InfoSnapshot(java.time.Instant.EPOCH, Map.of()) : samples.poll();
    }

    @Override
    public AutoCloseable cacheStats(Consumer<CacheStatsMessage> listener) {
        statsListener = listener;
        return () -> statsListener = null;
    }

    /** Delivers an application stats message, as the feed's thread would; false when no feed is open. */
    public boolean emitStats(CacheStatsMessage message) {
        Consumer<CacheStatsMessage> listener = statsListener;
        if (listener == null) {
            return false;
        }
        listener.accept(message);
        return true;
    }

    @Override
    public java.util.Optional<String> sentinelMaster() {
        return java.util.Optional.ofNullable(sentinelMaster);
    }

    @Override
    public List<ServerStats.SlowEntry> slowlog(int max) {
        return List.of();
    }

    @Override
    public List<Map<String, String>> clients() {
        return List.of(Map.of("addr", "127.0.0.1:5000", "cmd", "info"));
    }

    /** What {@link #clusterNodes} answers, one list per poll (the last one stays); empty: a single server. */
    public final Deque<List<io.ringside.core.redis.ClusterNode>> clusterNodes = new ArrayDeque<>();

    @Override
    public List<io.ringside.core.redis.ClusterNode> clusterNodes() {
        return clusterNodes.size() > 1 ? clusterNodes.poll() : clusterNodes.isEmpty() ? List.of() : clusterNodes.peek();
    }
}
