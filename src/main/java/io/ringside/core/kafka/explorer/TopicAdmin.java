package io.ringside.core.kafka.explorer;

import io.ringside.core.kafka.KafkaCalls;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.internals.Topic;

/**
 * A topic's detail and its administration: create, edit configs (the diff first), add
 * partitions, delete with the name typed again. Every change is refused under a read-only profile
 * and audited ({@code kafka.topic.*}).
 */
public final class TopicAdmin {

    private final Admin admin;
    private final AdminActions actions;

    TopicAdmin(Admin admin, AdminActions actions) {
        this.admin = admin;
        this.actions = actions;
    }

    /** @throws io.ringside.core.NotFoundException when the topic does not exist */
    public TopicDetail detail(String topic) {
        TopicDescription description = KafkaCalls.get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
        List<TopicPartition> partitions = description.partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, Long> starts = KafkaCalls.offsets(admin, partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> ends = KafkaCalls.offsets(admin, partitions, OffsetSpec.latest());
        Map<TopicPartition, Map<Integer, Long>> sizes = sizes(description);
        List<PartitionDetail> details = new ArrayList<>();
        for (TopicPartitionInfo info : description.partitions()) {
            TopicPartition tp = new TopicPartition(topic, info.partition());
            int leader = info.leader() == null ? -1 : info.leader().id();
            Map<Integer, Long> bySize = sizes.getOrDefault(tp, Map.of());
            long size = bySize.getOrDefault(leader, bySize.values().stream().findFirst().orElse(-1L));
            details.add(new PartitionDetail(info.partition(), leader, ids(info.replicas()), ids(info.isr()),
                    starts.getOrDefault(tp, 0L), ends.getOrDefault(tp, 0L),
                    size));
        }
        details.sort(Comparator.comparingInt(PartitionDetail::partition));
        return new TopicDetail(topic, description.isInternal(), details, configs(topic));
    }

    /** Messages held per topic (end minus start offsets, summed over partitions), for a topic list. */
    public Map<String, Long> messageCounts(Collection<String> topics) {
        if (topics.isEmpty()) {
            return Map.of();
        }
        Map<String, TopicDescription> descriptions = KafkaCalls.get(admin.describeTopics(topics).allTopicNames());
        List<TopicPartition> partitions = descriptions.values().stream().flatMap(d -> d.partitions().stream()
                .map(p -> new TopicPartition(d.name(), p.partition()))).toList();
        Map<TopicPartition, Long> starts = KafkaCalls.offsets(admin, partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> ends = KafkaCalls.offsets(admin, partitions, OffsetSpec.latest());
        Map<String, Long> counts = new HashMap<>();
        topics.forEach(t -> counts.put(t, 0L));
        for (TopicPartition tp : partitions) {
            long held = ends.get(tp) - starts.get(tp);
            counts.merge(tp.topic(), Math.max(0, held), Long::sum);
        }
        return counts;
    }

    /** Per partition, the log size each broker reports for its replica. */
    private Map<TopicPartition, Map<Integer, Long>> sizes(TopicDescription description) {
        List<Integer> brokers = KafkaCalls.live(admin, description.partitions().stream()
                .flatMap(p -> p.replicas().stream()).map(Node::id).distinct().toList());
        Map<TopicPartition, Map<Integer, Long>> sizes = new HashMap<>();
        if (brokers.isEmpty()) {
            return sizes;
        }
        Map<Integer, Map<String, LogDirDescription>> dirs = KafkaCalls.get(admin.describeLogDirs(brokers).allDescriptions());
        dirs.forEach((broker, byDir) -> byDir.values().forEach(dir -> {
            for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                if (replica.getKey().topic().equals(description.name())) {
                    sizes.computeIfAbsent(replica.getKey(), k -> new HashMap<>()).put(broker, replica.getValue().size());
                }
            }
        }));
        return sizes;
    }

    private static List<Integer> ids(Collection<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
    }

    /** Every config of the topic by name, the overridden ones marked. */
    public List<TopicConfigValue> configs(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = KafkaCalls.get(admin.describeConfigs(List.of(resource)).all()).get(resource);
        List<TopicConfigValue> values = new ArrayList<>();
        for (ConfigEntry entry : config.entries()) {
            boolean overridden = entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG;
            values.add(new TopicConfigValue(entry.name(), entry.value(), overridden, entry.isReadOnly(),
                    entry.isSensitive(), entry.source().name()));
        }
        values.sort(Comparator.comparing(TopicConfigValue::name));
        return values;
    }

    /**
     * @param configs topic-level overrides, e.g. {@code retention.ms}
     * @throws IllegalArgumentException for a name Kafka would refuse or counts below one
     */
    public void create(String topic, int partitions, short replicationFactor, Map<String, String> configs) {
        Topic.validate(topic);
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("A topic needs at least one partition and one replica (asked "
                    + partitions + " partitions, replication factor " + replicationFactor + ")");
        }
        String target = topic + " (" + partitions + " partitions, RF " + replicationFactor
                + (configs.isEmpty() ? "" : ", " + configs) + ")";
        actions.run("kafka.topic.create", target, "create topic " + topic, () -> {
            NewTopic newTopic = new NewTopic(topic, partitions, replicationFactor).configs(configs);
            KafkaCalls.get(admin.createTopics(List.of(newTopic)).all());
            return partitions;
        }, count -> count);
    }

    /**
     * What applying {@code desired} would change: a config set to another value, or (value null
     * or empty) one of the topic's own values reset to the default. Unchanged entries are left out.
     */
    public List<ConfigChange> configDiff(String topic, Map<String, String> desired) {
        Map<String, TopicConfigValue> current = new HashMap<>();
        configs(topic).forEach(c -> current.put(c.name(), c));
        List<ConfigChange> changes = new ArrayList<>();
        for (Map.Entry<String, String> entry : new LinkedHashMap<>(desired).entrySet()) {
            TopicConfigValue now = current.get(entry.getKey());
            if (now == null) {
                throw new IllegalArgumentException("Topic " + topic + " has no config named " + entry.getKey());
            }
            String wanted = entry.getValue() == null || entry.getValue().isBlank() ? null : entry.getValue().trim();
            String own = now.overridden() ? now.value() : null;
            if (wanted == null ? own != null : !wanted.equals(now.value())) {
                changes.add(new ConfigChange(entry.getKey(), own, wanted));
            }
        }
        return changes;
    }

    /** Applies a diff from {@link #configDiff}; returns how many configs changed. */
    public int alterConfigs(String topic, List<ConfigChange> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        String target = topic + ": " + String.join("; ", changes.stream().map(ConfigChange::describe).toList());
        return actions.run("kafka.topic.config", target, "change configs of topic " + topic, () -> {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            List<AlterConfigOp> ops = changes.stream().map(c -> c.reset()
                    ? new AlterConfigOp(new ConfigEntry(c.name(), null), AlterConfigOp.OpType.DELETE)
                    : new AlterConfigOp(new ConfigEntry(c.name(), c.newValue()), AlterConfigOp.OpType.SET)).toList();
            KafkaCalls.get(admin.incrementalAlterConfigs(Map.of(resource, ops)).all());
            return changes.size();
        }, count -> count);
    }

    /** Grows the topic to {@code totalPartitions}; Kafka never shrinks one. */
    public void addPartitions(String topic, int totalPartitions) {
        actions.run("kafka.topic.partitions", topic + " to " + totalPartitions + " partitions",
                "add partitions to topic " + topic, () -> {
                    KafkaCalls.get(admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(totalPartitions))).all());
                    return totalPartitions;
                }, count -> count);
    }

    /**
     * @param typedName the topic's name as the operator typed it again to confirm
     * @throws IllegalArgumentException when the typed name differs
     */
    public void delete(String topic, String typedName) {
        if (!topic.equals(typedName)) {
            throw new IllegalArgumentException("Type the topic's name '" + topic + "' to confirm its deletion (typed '"
                    + typedName + "')");
        }
        actions.run("kafka.topic.delete", topic, "delete topic " + topic, () -> {
            KafkaCalls.get(admin.deleteTopics(List.of(topic)).all());
            return 1;
        }, count -> count);
    }
}
