package io.ringside.core.jobs;

import io.ringside.core.kafka.ConsumerFeed;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every progress event of every job, from {@code since} on and then live, on a thread of its own,
 * for as long as it is open: what a console's jobs screen subscribes to (it replays the last day,
 * then keeps its bars moving). The listener runs on the feed's thread; a UI hands the events on
 * in batches.
 */
public final class ProgressFeed implements AutoCloseable {

    private final ConsumerFeed<String, String> feed;

    public ProgressFeed(Map<String, Object> kafka, Instant since, Consumer<ProgressEvent> listener) {
        JobTopics.ensure(kafka, KafkaClients.SEND_TIMEOUT);
        this.feed = new ConsumerFeed<>("ringside-progress-feed", KafkaClients.reader(kafka),
                consumer -> JobHistory.seek(consumer, JobHistory.partitions(consumer), since),
                record -> JobHistory.decode(record.value()).ifPresent(listener));
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
