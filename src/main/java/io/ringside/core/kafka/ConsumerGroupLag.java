package io.ringside.core.kafka;

import java.util.List;

/** A consumer group with its members and the lag of every partition it has committed offsets for. */
public record ConsumerGroupLag(String groupId, String state, List<Member> members, List<PartitionLag> partitions) {

    public long totalLag() {
        return partitions.stream().mapToLong(PartitionLag::lag).sum();
    }

    public record Member(String memberId, String clientId, String host, int assignedPartitions) {
    }

    /**
     * {@code timeLagMs} approximates how far behind the group is in time: now minus the timestamp of
     * the first record it has not consumed; -1 when it is caught up or that record is gone.
     */
    public record PartitionLag(String topic, int partition, long committedOffset, long endOffset, long lag,
                               long timeLagMs, String memberId) {
    }
}
