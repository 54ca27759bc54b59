package io.ringside.core.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The topics one owner (a command, a worker, a client) has ensured lately. The submit, the audit
 * record and the command's own worker of one command all need the same topics within a second of
 * each other: with one of these shared between them, Kafka is asked once. It lives as long as its
 * owner, never as long as the process, so a console kept open asks again in each of its parts.
 */
public final class KnownTopics {

    /** Short, so an owner that outlives a stack wiped and started again on the same ports asks anew. */
    static final Duration KNOWN_FOR = Duration.ofSeconds(10);

    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    /**
     * As {@link Topics#ensure(Map, List, Duration)}, leaving out the topics this owner ensured on
     * the same bootstrap address in the last {@link #KNOWN_FOR}: nothing at all is asked when it
     * ensured all of them.
     */
    public void ensure(Map<String, Object> kafkaProperties, List<Topics.Spec> topics, Duration timeout) {
        String cluster = String.valueOf(kafkaProperties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        long now = System.nanoTime();
        List<Topics.Spec> unknown = topics.stream()
                .filter(t -> {
                    Long at = seen.get(cluster + " " + t.name());
                    return at == null || now - at > KNOWN_FOR.toNanos();
                })
                .toList();
        if (unknown.isEmpty()) {
            return;
        }
        Topics.ensure(kafkaProperties, unknown, timeout);
        long at = System.nanoTime();
        unknown.forEach(t -> seen.put(cluster + " " + t.name(), at));
    }
}
