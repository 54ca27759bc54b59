package io.ringside.core.kafka;

import io.ringside.core.NamedThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows topics from a little before their end on a thread of its own, with a group-less consumer
 * (so tailing never shows up as a consumer group or moves anyone's offsets). Each partition starts
 * {@code backlog} records before its end, so the screen is not empty for a quiet topic. A topic
 * that does not exist yet is skipped, never auto-created with the broker's defaults. Closing
 * wakes the consumer; the wake-up is not reported as a failure.
 */
public final class TopicTail implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    private TopicTail(KafkaConsumer<String, String> consumer, List<String> topics, int backlog,
                      Consumer<TailRecord> sink, Consumer<Exception> failure) {
        this.consumer = consumer;
        this.thread = NamedThreads.daemon("topic-tail", () -> follow(topics, backlog, sink, failure));
    }

    public static TopicTail start(Map<String, Object> kafkaProperties, List<String> topics, int backlog,
                                  Consumer<TailRecord> sink, Consumer<Exception> failure) {
        Map<String, Object> props = new HashMap<>(kafkaProperties);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) StreamsInspector.TIMEOUT.toMillis());
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        TopicTail tail = new TopicTail(new KafkaConsumer<>(props), List.copyOf(topics), backlog, sink, failure);
        tail.thread.start();
        return tail;
    }

    private void follow(List<String> topics, int backlog, Consumer<TailRecord> sink, Consumer<Exception> failure) {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
            consumer.endOffsets(partitions).forEach((tp, end) ->
                    consumer.seek(tp, Math.max(beginnings.getOrDefault(tp, 0L), end - backlog)));
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    sink.accept(new TailRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
                            record.key(), record.value()));
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                failure.accept(e);
            }
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
