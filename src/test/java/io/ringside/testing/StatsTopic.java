package io.ringside.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringside.core.Json;
import io.ringside.core.kafka.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code ringside.cache.stats} read from where it ended when this was opened, so a test sees only
 * the messages its own actions caused (and whatever else the shared stack's processes sent since).
 */
public final class StatsTopic implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    public StatsTopic(TestStack stack) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.state().kafka().bootstrap());
        Topics.ensure(Map.copyOf(props), Topics.CACHE_STATS, 1, Duration.ofDays(1));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.CACHE_STATS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, not at the first poll
    }

    /**
     * The stats messages (JSON) sent since this was opened, in topic order, up to and including the
     * first that {@code last} accepts; fails after {@code timeout}.
     */
    public List<JsonNode> until(Predicate<JsonNode> last, Duration timeout) {
        List<JsonNode> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                JsonNode json;
                try {
                    json = Json.mapper().readTree(record.value());
                } catch (IOException | RuntimeException e) {
                    continue; // other tests also write to the shared topic, not always JSON
                }
                seen.add(json);
                if (last.test(json)) {
                    return seen;
                }
            }
        }
        throw new AssertionError("no matching message on " + Topics.CACHE_STATS + " within " + timeout.toSeconds()
                + " s; seen: " + seen);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
