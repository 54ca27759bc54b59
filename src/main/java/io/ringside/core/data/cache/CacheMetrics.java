package io.ringside.core.data.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Application-level hit/miss/error counters and latency per cache namespace. These, not Redis's
 * server-wide INFO counters, are what the hit/miss chart shows: the key browser's own TYPE and
 * PTTL calls count as keyspace hits on the server and would distort a chart built on INFO alone.
 * Counters are cumulative; {@link #drainInterval()} gives per-interval deltas and percentiles for
 * the once-a-second Kafka feed.
 */
public final class CacheMetrics {

    private final ConcurrentMap<String, Namespace> namespaces = new ConcurrentHashMap<>();
    private final AtomicBoolean active = new AtomicBoolean();
    private volatile Runnable onFirstRecord = () -> { };

    /** Cumulative figures of one namespace. */
    public record Totals(long hits, long misses, long errors) {
        public double hitRatio() {
            long reads = hits + misses;
            return reads == 0 ? 0 : (double) hits / reads;
        }
    }

    /** One namespace's activity since the previous drain. */
    public record Interval(String namespace, long hits, long misses, long errors, long p50Micros, long p99Micros) {
    }

    /**
     * Runs {@code action} on the reader's thread at the first counted read (at once if there was one
     * already): lets a publisher connect to Kafka only in processes that read through the cache. It
     * must not block.
     */
    public void onFirstRecord(Runnable action) {
        onFirstRecord = action;
        if (active.get()) {
            action.run();
        }
    }

    public void record(String namespace, CacheOutcome outcome, long latencyNanos) {
        if (outcome != CacheOutcome.BYPASS && !active.get() && active.compareAndSet(false, true)) {
            onFirstRecord.run();
        }
        Namespace ns = namespaces.computeIfAbsent(namespace, k -> new Namespace());
        switch (outcome) {
            case HIT, NEGATIVE_HIT -> ns.hits.increment();
            case MISS -> ns.misses.increment();
            case DEGRADED -> ns.errors.increment();
            case BYPASS -> {
                return;
            }
        }
        ns.latency.recordValue(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMicros(latencyNanos), MAX_MICROS)));
    }

    public Map<String, Totals> totals() {
        Map<String, Totals> result = new TreeMap<>();
        namespaces.forEach((name, ns) -> result.put(name, ns.totals()));
        return result;
    }

    public Totals totals(String namespace) {
        Namespace ns = namespaces.get(namespace);
        return ns == null ? new Totals(0, 0, 0) : ns.totals();
    }

    /** Deltas and latency percentiles since the last call, for namespaces that saw reads. */
    public synchronized List<Interval> drainInterval() {
        List<Interval> result = new ArrayList<>();
        new TreeMap<>(namespaces).forEach((name, ns) -> {
            long hits = ns.hits.sum();
            long misses = ns.misses.sum();
            long errors = ns.errors.sum();
            Histogram interval = ns.latency.getIntervalHistogram(ns.recycled);
            ns.recycled = interval;
            long dh = hits - ns.lastHits;
            long dm = misses - ns.lastMisses;
            long de = errors - ns.lastErrors;
            ns.lastHits = hits;
            ns.lastMisses = misses;
            ns.lastErrors = errors;
            if (dh + dm + de > 0) {
                result.add(new Interval(name, dh, dm, de, interval.getValueAtPercentile(50),
                        interval.getValueAtPercentile(99)));
            }
        });
        return result;
    }

    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(5);

    private static final class Namespace {
        final LongAdder hits = new LongAdder();
        final LongAdder misses = new LongAdder();
        final LongAdder errors = new LongAdder();
        final Recorder latency = new Recorder(MAX_MICROS, 2);
        Histogram recycled;
        long lastHits;
        long lastMisses;
        long lastErrors;

        Totals totals() {
            return new Totals(hits.sum(), misses.sum(), errors.sum());
        }
    }
}
