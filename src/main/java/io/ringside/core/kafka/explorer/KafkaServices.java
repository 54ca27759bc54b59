package io.ringside.core.kafka.explorer;

import io.ringside.core.connect.AccessGuard;
import io.ringside.core.kafka.AuditLog;
import io.ringside.core.kafka.KafkaCalls;
import io.ringside.core.kafka.StreamsInspector;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;

/**
 * The Kafka side of one profile's session: one admin client shared by the topic and group
 * services and the inspector, opened on first use and closed with the session; consumers of the
 * browser and the search live as long as one page or one search.
 */
public final class KafkaServices implements AutoCloseable {

    private final Map<String, Object> kafkaProperties;
    private final AdminActions actions;
    private Admin admin;
    private boolean closed;

    public KafkaServices(Map<String, Object> kafkaProperties, AccessGuard guard, Supplier<AuditLog> audit) {
        this.kafkaProperties = Map.copyOf(kafkaProperties);
        this.actions = new AdminActions(guard, audit);
    }

    private synchronized Admin admin() {
        if (closed) {
            throw new io.ringside.core.BackendUnavailableException("The Kafka services of this profile are closed");
        }
        if (admin == null) {
            admin = KafkaCalls.admin(kafkaProperties);
        }
        return admin;
    }

    public boolean readOnly() {
        return actions.readOnly();
    }

    public TopicAdmin topics() {
        return new TopicAdmin(admin(), actions);
    }

    public GroupAdmin groups() {
        return new GroupAdmin(admin(), actions);
    }

    /** Topics and groups with their lag, over the shared admin client (do not close it). */
    public StreamsInspector inspector() {
        return new StreamsInspector(admin(), kafkaProperties, Clock.systemUTC());
    }

    public MessageBrowser browser() {
        return new MessageBrowser(kafkaProperties);
    }

    /** A search ready to {@link MessageSearch#run run} on the caller's thread. */
    public MessageSearch search(SearchQuery query) {
        return new MessageSearch(kafkaProperties, query);
    }

    public MessageProducer producer() {
        return new MessageProducer(kafkaProperties, actions);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
