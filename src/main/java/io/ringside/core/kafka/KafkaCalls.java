package io.ringside.core.kafka;

import io.ringside.core.BackendUnavailableException;
import io.ringside.core.NotFoundException;
import io.ringside.core.RingsideException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Waits for an Admin API answer with one deadline and turns Kafka's failures into Ringside's: an
 * unknown topic or group is "not found" (CLI exit 5), a broker that does not answer is
 * "unreachable" (exit 3), any other refusal carries the broker's own words.
 */
public final class KafkaCalls {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private KafkaCalls() {
    }

    /** An admin client whose every call gives up after {@link #TIMEOUT}. */
    public static Admin admin(Map<String, Object> kafkaProperties) {
        Map<String, Object> props = new HashMap<>(kafkaProperties);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        return Admin.create(props);
    }

    /** The offset {@code spec} names in each partition (one {@code listOffsets} call). */
    public static Map<TopicPartition, Long> offsets(Admin admin, Collection<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        if (!request.isEmpty()) {
            get(admin.listOffsets(request).all()).forEach((tp, info) -> offsets.put(tp, info.offset()));
        }
        return offsets;
    }

    /**
     * Those of {@code brokers} that are up ({@code describeCluster}): a per-broker request such as
     * {@code describeLogDirs} sent to a stopped broker would wait out the whole timeout.
     */
    public static List<Integer> live(Admin admin, Collection<Integer> brokers) {
        if (brokers.isEmpty()) {
            return List.of();
        }
        java.util.Set<Integer> up = new java.util.HashSet<>();
        get(admin.describeCluster().nodes()).forEach(node -> up.add(node.id()));
        return brokers.stream().filter(up::contains).toList();
    }

    public static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RingsideException("Interrupted while asking Kafka", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnknownTopicOrPartitionException || cause instanceof GroupIdNotFoundException) {
                throw new NotFoundException(cause.getMessage());
            }
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw new BackendUnavailableException("Kafka did not answer within " + TIMEOUT.toSeconds() + " s: "
                        + cause.getMessage(), cause);
            }
            throw new RingsideException("Kafka refused the request: " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new BackendUnavailableException("Kafka did not answer within " + TIMEOUT.toSeconds() + " s", e);
        }
    }
}
