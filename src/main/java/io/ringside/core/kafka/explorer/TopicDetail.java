package io.ringside.core.kafka.explorer;

import java.util.List;

/** A topic as its detail pane shows it: partitions with offsets and sizes, and every config. */
public record TopicDetail(String name, boolean internal, List<PartitionDetail> partitions,
                          List<TopicConfigValue> configs) {

    public long messages() {
        return partitions.stream().mapToLong(PartitionDetail::messages).sum();
    }

    /** The summed sizes of the partitions the brokers reported; -1 when none reported any. */
    public long sizeBytes() {
        return partitions.stream().allMatch(p -> p.sizeBytes() < 0) ? -1
                : partitions.stream().mapToLong(p -> Math.max(0, p.sizeBytes())).sum();
    }

    public int replicationFactor() {
        return partitions.isEmpty() ? 0 : partitions.get(0).replicas().size();
    }

    public List<TopicConfigValue> overriddenConfigs() {
        return configs.stream().filter(TopicConfigValue::overridden).toList();
    }
}
