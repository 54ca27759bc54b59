package io.ringside.core.jobs;

import io.ringside.core.kafka.ConsumerFeed;
import io.ringside.core.kafka.Topics;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every job request from {@code since} on and then live, on a thread of its own: the jobs screen
 * reads the options progress events do not carry (a dataset's name, a PM2.5 file's location) from
 * here, with one consumer for all jobs rather than one look-up per job.
 */
public final class RequestFeed implements AutoCloseable {

    private final ConsumerFeed<String, String> feed;

    public RequestFeed(Map<String, Object> kafka, Instant since, Consumer<JobRequest> listener) {
        JobTopics.ensure(kafka, KafkaClients.SEND_TIMEOUT);
        this.feed = new ConsumerFeed<>("ringside-request-feed", KafkaClients.reader(kafka),
                consumer -> JobHistory.seek(consumer, JobHistory.partitions(consumer, Topics.JOB_REQUESTS), since),
                record -> JobHistory.decodeRequest(record.value()).ifPresent(listener));
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
