package io.ringside.core.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Every progress event of every job, from {@code since} on and then live, on a thread of its own,
 * for as long as it is open: what a console's jobs screen subscribes to (it replays the last day,
 * then keeps its bars moving). The listener runs on the feed's thread; a UI hands the events on
 * in batches.
 */
public final class ProgressFeed implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean closing;
    private volatile Exception failure;

    public ProgressFeed(Map<String, Object> kafka, Instant since, Consumer<ProgressEvent> listener) {
        JobTopics.ensure(kafka, KafkaClients.SEND_TIMEOUT);
        this.consumer = KafkaClients.reader(kafka);
        this.thread = new Thread(() -> run(since, listener), "ringside-progress-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Instant since, Consumer<ProgressEvent> listener) {
        try (consumer) {
            List<TopicPartition> partitions = JobHistory.partitions(consumer);
            JobHistory.seek(consumer, partitions, since);
            while (!closing) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    JobHistory.decode(record.value()).ifPresent(listener);
                }
            }
        } catch (WakeupException e) {
            // closed
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
