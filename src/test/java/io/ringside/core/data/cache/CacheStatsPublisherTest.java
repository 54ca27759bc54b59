package io.ringside.core.data.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringside.core.Json;
import io.ringside.core.kafka.Topics;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedStack.class)
class CacheStatsPublisherTest {

    @Test
    void eachSecondsDeltasReachTheStatsTopicAsSnakeCaseJson(TestStack stack) throws Exception {
        String namespace = "ns-" + UUID.randomUUID();
        CacheMetrics metrics = new CacheMetrics();
        try (var backends = stack.backends();
             CacheStatsPublisher publisher = new CacheStatsPublisher(metrics, backends.kafkaProperties(), Duration.ofMillis(200))) {
            CacheAside cache = new CacheAside(backends.redis(), metrics, FreshPending.folder());
            String key = "statstest:" + namespace;
            for (int i = 0; i < 3; i++) {
                cache.get(namespace, key, ValueCodec.BYTES, CachePolicy.of(Duration.ofMinutes(1)), () -> Optional.of(new byte[] {1}));
            }
            JsonNode message = awaitMessage(backends.kafkaProperties(), namespace);
            assertEquals(2, message.path("hits").asLong());
            assertEquals(1, message.path("misses").asLong());
            assertEquals(0, message.path("errors").asLong());
            assertTrue(message.path("p99_us").asLong() >= message.path("p50_us").asLong());
            assertTrue(message.path("ts").isTextual() && message.path("instance").isTextual(), message.toString());
        }
    }

    /**
     * Kafka away (nothing listens on its port): reads are not held up, the seconds are dropped and
     * counted, and closing does not wait longer than its budget.
     */
    @Test
    void withKafkaAwayReadsGoOnAndTheSecondsAreDropped(TestStack stack) throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CacheMetrics metrics = new CacheMetrics();
        try (var backends = stack.backends()) {
            CacheStatsPublisher publisher = new CacheStatsPublisher(metrics,
                    Map.of("bootstrap.servers", "127.0.0.1:" + closedPort), Duration.ofMillis(200));
            CacheAside cache = new CacheAside(backends.redis(), metrics, FreshPending.folder());
            String key = "statstest:away:" + UUID.randomUUID();
            long slowest = 0;
            long until = System.nanoTime() + Duration.ofMillis(500).toNanos();
            while (System.nanoTime() < until) {
                long started = System.nanoTime();
                cache.get("away", key, ValueCodec.BYTES, CachePolicy.of(Duration.ofMinutes(1)), () -> Optional.of(new byte[] {1}));
                slowest = Math.max(slowest, System.nanoTime() - started);
                Thread.sleep(50);
            }
            assertTrue(Duration.ofNanos(slowest).toMillis() < 500, "a read took " + Duration.ofNanos(slowest).toMillis()
                    + " ms while Kafka was away");
            long closing = System.nanoTime();
            publisher.close();
            Duration closed = Duration.ofNanos(System.nanoTime() - closing);
            assertTrue(closed.compareTo(CacheStatsPublisher.CLOSE_BUDGET.plusSeconds(1)) < 0, "close took " + closed);
            assertTrue(publisher.dropped() > 0, "the seconds are counted as dropped");
            assertEquals(0, publisher.published());
            backends.redis().del(key);
        }
    }

    private static JsonNode awaitMessage(Map<String, Object> kafka, String namespace) throws Exception {
        Map<String, Object> props = new java.util.HashMap<>(kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.CACHE_STATS));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null || !record.value().contains(namespace)) {
                        continue; // the shared stack's topic also carries other tests' records, not all of them JSON
                    }
                    JsonNode json = Json.mapper().readTree(record.value());
                    if (namespace.equals(json.path("namespace").asText())) {
                        return json;
                    }
                }
            }
        }
        throw new AssertionError("no stats message for " + namespace + " within 60 s");
    }
}
