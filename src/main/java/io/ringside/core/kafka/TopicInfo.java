package io.ringside.core.kafka;

import java.util.List;

/**
 * One topic as the Streams screen lists it. {@code retentionMs} is -1 for unlimited retention;
 * {@code sizeBytes} sums the log sizes of every replica the brokers report (so RF 2 counts twice).
 * Replication health, as the last describe saw it: {@code underReplicated} partitions have fewer
 * in-sync replicas than replicas, {@code offline} ones have no leader; {@code leaders} holds each
 * partition's leader in partition order (-1 for none) and {@code brokers} every broker holding a
 * replica, so a stopped broker still shows up, as down, in the broker list.
 */
public record TopicInfo(String name, int partitions, int replicationFactor, long retentionMs, long sizeBytes,
                        int underReplicated, int offline, List<Integer> leaders, List<Integer> brokers) {

    public TopicInfo {
        leaders = List.copyOf(leaders);
        brokers = List.copyOf(brokers);
    }

    /** A topic whose partitions' replication was not read. */
    public TopicInfo(String name, int partitions, int replicationFactor, long retentionMs, long sizeBytes) {
        this(name, partitions, replicationFactor, retentionMs, sizeBytes, 0, 0, List.of(), List.of());
    }

    /** Whether some partition lacks an in-sync replica or a leader: a broker is down or behind. */
    public boolean degraded() {
        return underReplicated > 0 || offline > 0;
    }

    /** The distinct leaders, lowest id first (none for a topic whose partitions all lack one). */
    public List<Integer> distinctLeaders() {
        return leaders.stream().filter(id -> id >= 0).distinct().sorted().toList();
    }
}
