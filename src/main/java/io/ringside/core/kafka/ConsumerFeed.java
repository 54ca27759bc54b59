package io.ringside.core.kafka;

import io.ringside.core.NamedThreads;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * A consumer polled on a thread of its own until closed: the shape every live feed of the console
 * shares (progress events, cache stats). The consumer is positioned once on that thread (a
 * KafkaConsumer must stay on one thread) and closed there; a Kafka failure stops the feed and is
 * kept for {@link #failure()}, so a page can say why its live data stopped rather than go quiet.
 */
public final class ConsumerFeed<K, V> implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<K, V> consumer;
    private final Thread thread;
    private volatile boolean closing;
    private volatile Exception failure;

    public ConsumerFeed(String threadName, KafkaConsumer<K, V> consumer, Consumer<KafkaConsumer<K, V>> position,
                        Consumer<ConsumerRecord<K, V>> handler) {
        this.consumer = consumer;
        this.thread = NamedThreads.daemon(threadName, () -> run(position, handler));
        thread.start();
    }

    private void run(Consumer<KafkaConsumer<K, V>> position, Consumer<ConsumerRecord<K, V>> handler) {
        try (consumer) {
            position.accept(consumer);
            while (!closing) {
                for (ConsumerRecord<K, V> record : consumer.poll(POLL)) {
                    handler.accept(record);
                }
            }
        } catch (WakeupException e) {
            closing = true;
        } catch (KafkaException e) {
            if (!closing) {
                failure = e;
            }
        }
    }

    /** Why the feed stopped before it was closed, or null. */
    public Exception failure() {
        return failure;
    }

    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
