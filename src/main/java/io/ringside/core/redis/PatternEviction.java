package io.ringside.core.redis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * A running eviction by pattern: each page of matching names the scan finds is UNLINKed in one
 * command, so at most a page of keys is known and not yet removed when it is cancelled, and a
 * paused eviction sends nothing. Audited once it ends, with what it removed and how it ended.
 */
public final class PatternEviction {

    /** Records the end of an eviction: keys removed and outcome. */
    interface Recorder {
        void record(long removed, String outcome);
    }

    private final ToLongFunction<byte[][]> unlink;
    private final Consumer<EvictionProgress> listener;
    private final Recorder recorder;
    private final AtomicLong removed = new AtomicLong();
    private volatile KeyScan scan;
    private volatile EvictionProgress last;

    /** {@code unlink} removes a page's keys and answers how many existed. */
    PatternEviction(ToLongFunction<byte[][]> unlink, Consumer<EvictionProgress> listener, Recorder recorder) {
        this.unlink = unlink;
        this.listener = listener;
        this.recorder = recorder;
    }

    void start(KeyScanner scanner, ScanRequest request) {
        scan = scanner.startNames(request, (page, progress) -> {
            if (!page.isEmpty()) {
                byte[][] keys = page.stream().map(KeyInfo::key).toArray(byte[][]::new);
                removed.addAndGet(unlink.applyAsLong(keys));
                listener.accept(new EvictionProgress(removed.get(), progress, null));
            }
        }, this::end);
    }

    /** UNLINK one hash slot's keys at a time, as a Redis Cluster requires of a multi-key command. */
    static ToLongFunction<byte[][]> perSlot(UnifiedJedis cluster) {
        return keys -> {
            Map<Integer, List<byte[]>> bySlot = new HashMap<>();
            for (byte[] key : keys) {
                bySlot.computeIfAbsent(JedisClusterCRC16.getSlot(key), slot -> new ArrayList<>()).add(key);
            }
            long removed = 0;
            for (List<byte[]> slotKeys : bySlot.values()) {
                removed += cluster.unlink(slotKeys.toArray(byte[][]::new));
            }
            return removed;
        };
    }

    private void end(KeyScan ended) {
        String outcome = ended.failure().map(e -> "failed: " + e.getMessage())
                .orElse(ended.stopped() ? "cancelled" : "ok");
        recorder.record(removed.get(), outcome);
        last = new EvictionProgress(removed.get(), ended.progress(), outcome);
        listener.accept(last);
    }

    public void pause() {
        scan.pause();
    }

    public void resume() {
        scan.resume();
    }

    public void cancel() {
        scan.stop();
    }

    /** Waits for the end; the final progress carries the outcome. Rethrows what made it fail. */
    public EvictionProgress await() {
        scan.await();
        return last;
    }
}
