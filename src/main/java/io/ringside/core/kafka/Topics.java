package io.ringside.core.kafka;

import io.ringside.core.BackendUnavailableException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The Ringside topics, created on demand with the partitions and retention of the conventions
 * rather than whatever broker auto-creation would give them. Replication is the cluster's own
 * ({@code default.replication.factor}, with its {@code min.insync.replicas}): 1 on a single broker,
 * 3 with min ISR 2 on the local stack's three brokers, whatever the operator chose elsewhere.
 */
public final class Topics {

    public static final String JOB_REQUESTS = "ringside.jobs.requests";
    public static final String JOB_PROGRESS = "ringside.jobs.progress";
    public static final String JOB_CONTROL = "ringside.jobs.control";
    public static final String CACHE_STATS = "ringside.cache.stats";
    public static final String AUDIT = "ringside.audit";

    private Topics() {
    }

    /** One topic to ensure: its name, partitions and retention. */
    public record Spec(String name, int partitions, Duration retention) {
    }

    /** Creates the topic if it does not exist; an existing topic is left as it is. */
    public static void ensure(Map<String, Object> kafkaProperties, String topic, int partitions, Duration retention) {
        ensure(kafkaProperties, topic, partitions, retention, Duration.ofSeconds(15));
    }

    /** As {@link #ensure(Map, String, int, Duration)}, giving up after {@code timeout}. */
    public static void ensure(Map<String, Object> kafkaProperties, String topic, int partitions, Duration retention,
                              Duration timeout) {
        ensure(kafkaProperties, List.of(new Spec(topic, partitions, retention)), timeout);
    }

    /**
     * Creates those of {@code topics} that do not exist, with one admin client: one metadata round
     * trip when they all exist (the usual case). Always asks Kafka; an owner that ensures the same
     * topics several times in a row does so through its {@link KnownTopics}.
     */
    public static void ensure(Map<String, Object> kafkaProperties, List<Spec> topics, Duration timeout) {
        String names = topics.stream().map(Spec::name).collect(Collectors.joining(", "));
        Map<String, Object> props = new HashMap<>(kafkaProperties);
        props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(10_000, timeout.toMillis()));
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        long deadline = System.nanoTime() + timeout.toNanos() + 1_000_000_000L;
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), Optional.of(t.partitions()), Optional.empty())
                            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(t.retention().toMillis()))))
                    .toList();
            if (!missing.isEmpty()) {
                CreateTopicsResult created = admin.createTopics(missing);
                for (NewTopic topic : missing) {
                    try {
                        created.values().get(topic.name()).get(Math.max(1, deadline - System.nanoTime()),
                                TimeUnit.NANOSECONDS);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw new BackendUnavailableException("Cannot create Kafka topic " + topic.name() + ": "
                                    + e.getCause().getMessage(), e);
                        }
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new BackendUnavailableException("Cannot create Kafka topic " + names + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new BackendUnavailableException("Kafka at " + kafkaProperties.get("bootstrap.servers")
                    + " did not answer within " + timeout.toSeconds() + " s while creating " + names, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException("interrupted while creating " + names, e);
        }
    }
}
