package io.ringside.core.data.cache;

import io.ringside.core.NamedThreads;
import io.ringside.core.Json;
import io.ringside.core.kafka.Topics;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes the cache metrics once per second to {@code ringside.cache.stats}, so every console
 * charts the hit/miss rates of every process using the cache: the console, workers and CLI
 * commands alike. Nothing is sent for a second without reads, and Kafka is not even contacted
 * until the first read through the cache, so a command that never reads the cache costs nothing.
 *
 * <p>Readers never wait for Kafka: they only bump counters. Connecting (the topic, the producer)
 * and sending happen on this publisher's one thread. While Kafka is away the seconds are
 * <em>dropped</em> and counted, not spooled: a rate delivered minutes late would be charted as if
 * it were now, and a spool would grow for as long as Kafka stays away. {@link #close()} sends the
 * last partial second, so a short CLI command's reads are published before it exits, waiting at
 * most {@link #CLOSE_BUDGET} for Kafka.
 */
public final class CacheStatsPublisher implements AutoCloseable {

    /** The longest {@link #close()} waits for Kafka to take the last second. */
    static final Duration CLOSE_BUDGET = Duration.ofSeconds(3);
    /** After a failed connection, seconds are dropped without trying again for this long. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final CacheMetrics metrics;
    private final Supplier<Map<String, Object>> kafkaProperties;
    private final ScheduledExecutorService scheduler;
    private final String instance;
    private final Clock clock;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    /** Touched by the publisher's thread only, and by {@link #close()} once that thread has ended. */
    private KafkaProducer<String, byte[]> producer;
    private long retryAt;
    private volatile String failure;

    /** Publishes every {@code period}; connects to Kafka at the first read through the cache. */
    public CacheStatsPublisher(CacheMetrics metrics, Supplier<Map<String, Object>> kafkaProperties, Duration period) {
        this.metrics = metrics;
        this.kafkaProperties = kafkaProperties;
        this.clock = Clock.systemUTC();
        this.instance = ManagementFactory.getRuntimeMXBean().getName();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                NamedThreads.daemons("ringside-cache-stats"));
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(true);
        this.scheduler = executor;
        scheduler.scheduleAtFixedRate(this::publishOnce, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        metrics.onFirstRecord(() -> {
            try {
                scheduler.execute(this::connectOnce);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // closing: close() sends what is left
            }
        });
    }

    public CacheStatsPublisher(CacheMetrics metrics, Map<String, Object> kafkaProperties, Duration period) {
        this(metrics, () -> kafkaProperties, period);
    }

    private void connectOnce() {
        connected(CONNECT_TIMEOUT);
    }

    /** The producer, connecting first (waiting at most {@code timeout}) if need be; null while Kafka is away. */
    private KafkaProducer<String, byte[]> connected(Duration timeout) {
        if (producer != null) {
            return producer;
        }
        if (System.nanoTime() - retryAt < 0) {
            return null;
        }
        try {
            Map<String, Object> kafka = kafkaProperties.get();
            Topics.ensure(kafka, Topics.CACHE_STATS, 1, Duration.ofDays(1), timeout);
            Map<String, Object> props = new HashMap<>(kafka);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
            props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 4L << 20);
            producer = new KafkaProducer<>(props);
            failure = null;
            return producer;
        } catch (RuntimeException e) {
            failure = e.getMessage();
            retryAt = System.nanoTime() + RETRY_AFTER.toNanos();
            return null;
        }
    }

    void publishOnce() {
        publishOnce(CONNECT_TIMEOUT);
    }

    private void publishOnce(Duration connectTimeout) {
        List<CacheMetrics.Interval> intervals = metrics.drainInterval();
        if (intervals.isEmpty()) {
            return;
        }
        KafkaProducer<String, byte[]> target = connected(connectTimeout);
        if (target == null) {
            dropped.addAndGet(intervals.size());
            return;
        }
        for (CacheMetrics.Interval interval : intervals) {
            CacheStatsMessage message = new CacheStatsMessage(clock.instant(), instance, interval.namespace(),
                    interval.hits(), interval.misses(), interval.errors(), interval.p50Micros(), interval.p99Micros());
            try {
                byte[] json = Json.mapper().writeValueAsBytes(message);
                target.send(new ProducerRecord<>(Topics.CACHE_STATS, interval.namespace(), json), (meta, error) -> {
                    if (error != null) {
                        dropped.incrementAndGet();
                    } else {
                        published.incrementAndGet();
                    }
                });
            } catch (Exception e) {
                dropped.incrementAndGet();
            }
        }
    }

    /** Messages Kafka acknowledged. */
    public long published() {
        return published.get();
    }

    /** Messages (one namespace's second each) dropped because Kafka was away or refused them. */
    public long dropped() {
        return dropped.get();
    }

    /** Why the last connection to Kafka failed, or null. */
    public String failure() {
        return failure;
    }

    /**
     * Sends the last partial second and waits for Kafka to take it, at most {@link #CLOSE_BUDGET}
     * in all; what Kafka has not taken by then is dropped.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + CLOSE_BUDGET.toNanos();
        scheduler.shutdown();
        boolean idle;
        try {
            idle = scheduler.awaitTermination(CLOSE_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            idle = false;
        }
        if (!idle) {
            // still connecting to a Kafka that does not answer: give up on the last second
            scheduler.shutdownNow();
            dropped.addAndGet(metrics.drainInterval().size());
            return;
        }
        long left = deadline - System.nanoTime();
        if (left > 0) {
            publishOnce(Duration.ofNanos(left));
        } else {
            dropped.addAndGet(metrics.drainInterval().size());
        }
        if (producer != null) {
            producer.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }
}
