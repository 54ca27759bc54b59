package io.ringside.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringside.core.Json;
import io.ringside.core.connect.Backends;
import io.ringside.core.data.cache.CacheStatsMessage;
import io.ringside.core.kafka.Topics;
import io.ringside.testing.Await;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The application's cache counters reach the Cache page from the shared stack's real Kafka. */
@ExtendWith(SharedStack.class)
class CacheStatsFeedTest {

    @Test
    void messagesPublishedAfterOpeningArriveDecodedAndJunkIsSkipped(TestStack stack) throws Exception {
        String namespace = "feed-test-" + UUID.randomUUID();
        List<CacheStatsMessage> seen = new CopyOnWriteArrayList<>();
        try (Backends backends = stack.backends();
             CacheStatsFeed feed = new CacheStatsFeed(backends.kafkaProperties(), seen::add);
             KafkaProducer<String, byte[]> producer = producer(backends.kafkaProperties())) {
            CacheStatsMessage message = new CacheStatsMessage(Instant.parse("2026-01-01T00:00:00Z"), "test", namespace,
                    7, 3, 0, 120, 900);
            Await.until("a stats message reaches the feed", Duration.ofSeconds(60), () -> {
                producer.send(new ProducerRecord<>(Topics.CACHE_STATS, namespace, "not json".getBytes()));
                try {
                    producer.send(new ProducerRecord<>(Topics.CACHE_STATS, namespace,
                            Json.mapper().writeValueAsBytes(message))).get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                return seen.stream().anyMatch(m -> m.namespace().equals(namespace));
            });
            CacheStatsMessage got = seen.stream().filter(m -> m.namespace().equals(namespace)).findFirst().orElseThrow();
            assertEquals(message, got);
            assertEquals(null, feed.failure());
        }
    }

    private static KafkaProducer<String, byte[]> producer(Map<String, Object> kafka) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(props);
    }
}
