package io.ringside.core.data.cache;

import io.ringside.core.NamedThreads;
import io.ringside.core.Json;
import io.ringside.core.kafka.Topics;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes the cache metrics once per second to {@code ringside.cache.stats}, so every console
 * charts the hit/miss rates of every process using the cache. Best effort: stats are dropped
 * (and counted) while Kafka is away rather than blocking the readers or piling up in memory.
 */
public final class CacheStatsPublisher implements AutoCloseable {

    private final CacheMetrics metrics;
    private final KafkaProducer<String, byte[]> producer;
    private final ScheduledExecutorService scheduler;
    private final String instance;
    private final Clock clock;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong published = new AtomicLong();

    public CacheStatsPublisher(CacheMetrics metrics, Map<String, Object> kafkaProperties, Duration period) {
        this.metrics = metrics;
        this.clock = Clock.systemUTC();
        this.instance = ManagementFactory.getRuntimeMXBean().getName();
        Topics.ensure(kafkaProperties, Topics.CACHE_STATS, 1, Duration.ofDays(1));
        Map<String, Object> props = new HashMap<>(kafkaProperties);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 4L << 20);
        this.producer = new KafkaProducer<>(props);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(NamedThreads.daemons("ringside-cache-stats"));
        scheduler.scheduleAtFixedRate(this::publishOnce, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    void publishOnce() {
        for (CacheMetrics.Interval interval : metrics.drainInterval()) {
            CacheStatsMessage message = new CacheStatsMessage(clock.instant(), instance, interval.namespace(),
                    interval.hits(), interval.misses(), interval.errors(), interval.p50Micros(), interval.p99Micros());
            try {
                byte[] json = Json.mapper().writeValueAsBytes(message);
                producer.send(new ProducerRecord<>(Topics.CACHE_STATS, interval.namespace(), json), (meta, error) -> {
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

    public long published() {
        return published.get();
    }

    public long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        publishOnce();
        producer.close(Duration.ofSeconds(5));
    }
}
