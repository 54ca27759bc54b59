package io.ringside.core.redis;

import io.ringside.core.Json;
import io.ringside.core.data.cache.CacheStatsMessage;
import io.ringside.core.kafka.ConsumerFeed;
import io.ringside.core.kafka.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The application's own cache counters, live from {@code ringside.cache.stats}: what the Cache
 * page charts next to the server-wide INFO rates, which the browser's own lookups inflate. No
 * consumer group (nothing to commit, every console sees everything); starts at the end of the
 * topic. The listener runs on the feed's thread; a record that is not a stats message is skipped.
 */
public final class CacheStatsFeed implements AutoCloseable {

    private final ConsumerFeed<String, byte[]> feed;

    public CacheStatsFeed(Map<String, Object> kafka, Consumer<CacheStatsMessage> listener) {
        Topics.ensure(kafka, Topics.CACHE_STATS, 1, Duration.ofDays(1));
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        this.feed = new ConsumerFeed<>("ringside-cache-stats-feed", new KafkaConsumer<>(props), CacheStatsFeed::atEnd,
                record -> decode(record.value()).ifPresent(listener));
    }

    private static void atEnd(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.CACHE_STATS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
    }

    /** A stats message from its JSON; empty for anything else. */
    public static Optional<CacheStatsMessage> decode(byte[] json) {
        try {
            return Optional.of(Json.mapper().readValue(json, CacheStatsMessage.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Why the feed stopped before it was closed, or null. */
    public Exception failure() {
        return feed.failure();
    }

    @Override
    public void close() {
        feed.close();
    }
}
