package io.ringside.core.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Topics and consumer groups of a Kafka cluster through the Admin API, for the Streams screen.
 * One admin client per inspector; every call blocks for at most {@link #TIMEOUT}. Time lag needs
 * the timestamp of the first unconsumed record, so it is read with a group-less consumer that
 * fetches one record per lagging partition (never committing, never joining the group).
 */
public final class StreamsInspector implements AutoCloseable {

    public static final Duration TIMEOUT = KafkaCalls.TIMEOUT;

    private final Map<String, Object> kafka;
    private final Admin admin;
    private final Clock clock;

    public StreamsInspector(Map<String, Object> kafkaProperties, Clock clock) {
        this(KafkaCalls.admin(kafkaProperties), kafkaProperties, clock);
    }

    /** An inspector over an admin client it closes with itself. */
    public StreamsInspector(Admin admin, Map<String, Object> kafkaProperties, Clock clock) {
        this.kafka = Map.copyOf(kafkaProperties);
        this.admin = admin;
        this.clock = clock;
    }

    /**
     * The consumer group {@code groupId} with its members, its lag in records and, for every
     * lagging partition, its lag in time (one record read per lagging partition).
     */
    public ConsumerGroupLag group(String groupId) {
        ConsumerGroupDescription description = get(admin.describeConsumerGroups(List.of(groupId)).all()).get(groupId);
        Map<TopicPartition, OffsetAndMetadata> committed = present(
                get(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()));
        Map<TopicPartition, Long> ends = KafkaCalls.offsets(admin, committed.keySet(), OffsetSpec.latest());
        Map<TopicPartition, Long> lagging = new HashMap<>();
        committed.forEach((tp, offset) -> {
            if (ends.getOrDefault(tp, offset.offset()) > offset.offset()) {
                lagging.put(tp, offset.offset());
            }
        });
        return lag(description, committed, ends, firstUnconsumedTimestamps(lagging));
    }

    /** Every topic but Kafka's internal ones, by name. */
    public List<TopicInfo> topics() {
        return overview().topics();
    }

    /** The topics (every one but Kafka's internal ones, by name) and the brokers that are up. */
    public record Overview(List<TopicInfo> topics, List<BrokerInfo> brokers) {
    }

    /**
     * The topics and the live brokers in one pass. One {@code describeCluster}, sent with
     * {@code listTopics}, serves both the log sizes (only live brokers are asked) and the broker
     * list; {@code describeConfigs} is sent beside {@code describeTopics} and {@code describeLogDirs}
     * before the configs are in, so the client decodes one answer while the broker works on the next
     * (read one after the other, 2,000 topics' answers waited for each other).
     */
    public Overview overview() {
        DescribeClusterResult cluster = admin.describeCluster();
        Collection<String> names = get(admin.listTopics().names());
        KafkaFuture<Map<String, TopicDescription>> described = admin.describeTopics(names).allTopicNames();
        List<ConfigResource> resources = names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        KafkaFuture<Map<ConfigResource, Config>> configured = admin.describeConfigs(resources).all();
        Map<String, TopicDescription> descriptions = get(described);
        Collection<Node> nodes = get(cluster.nodes());
        Map<String, Long> sizes = sizes(descriptions.values(), nodes);
        Map<ConfigResource, Config> configs = get(configured);
        List<TopicInfo> topics = new ArrayList<>();
        for (TopicDescription description : descriptions.values()) {
            int replication = description.partitions().isEmpty() ? 0 : description.partitions().get(0).replicas().size();
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, description.name()));
            long retention = config == null || config.get(TopicConfig.RETENTION_MS_CONFIG) == null ? -1
                    : Long.parseLong(config.get(TopicConfig.RETENTION_MS_CONFIG).value());
            topics.add(withReplication(description, replication, retention, sizes.getOrDefault(description.name(), 0L)));
        }
        topics.sort(Comparator.comparing(TopicInfo::name));
        return new Overview(topics, brokers(nodes, get(cluster.controller())));
    }

    /** The topic with its partitions' replication health: under-replicated, offline, leaders and replica holders. */
    static TopicInfo withReplication(TopicDescription description, int replication, long retentionMs, long sizeBytes) {
        int underReplicated = 0;
        int offline = 0;
        List<Integer> leaders = new ArrayList<>();
        java.util.TreeSet<Integer> brokers = new java.util.TreeSet<>();
        List<TopicPartitionInfo> partitions = new ArrayList<>(description.partitions());
        partitions.sort(Comparator.comparingInt(TopicPartitionInfo::partition));
        for (TopicPartitionInfo partition : partitions) {
            boolean leaderless = partition.leader() == null || partition.leader().isEmpty();
            leaders.add(leaderless ? -1 : partition.leader().id());
            offline += leaderless ? 1 : 0;
            underReplicated += partition.isr().size() < partition.replicas().size() ? 1 : 0;
            partition.replicas().forEach(node -> brokers.add(node.id()));
        }
        return new TopicInfo(description.name(), partitions.size(), replication, retentionMs, sizeBytes,
                underReplicated, offline, leaders, List.copyOf(brokers));
    }

    /** The brokers that are up, the controller marked (leader counts come with {@link BrokerInfo#merge}). */
    public List<BrokerInfo> liveBrokers() {
        DescribeClusterResult cluster = admin.describeCluster();
        return brokers(get(cluster.nodes()), get(cluster.controller()));
    }

    private static List<BrokerInfo> brokers(Collection<Node> nodes, Node controller) {
        return nodes.stream()
                .map(node -> new BrokerInfo(node.id(), node.host() + ":" + node.port(), true,
                        controller != null && controller.id() == node.id(), 0))
                .sorted(Comparator.comparingInt(BrokerInfo::id)).toList();
    }

    /** Log sizes by topic, asked of the brokers that hold a replica and are up ({@code live}). */
    private Map<String, Long> sizes(Collection<TopicDescription> descriptions, Collection<Node> live) {
        Set<Integer> up = new HashSet<>();
        live.forEach(node -> up.add(node.id()));
        List<Integer> brokers = descriptions.stream().flatMap(d -> d.partitions().stream())
                .flatMap(p -> p.replicas().stream()).map(node -> node.id()).distinct().filter(up::contains).toList();
        if (brokers.isEmpty()) {
            return new HashMap<>();
        }
        Map<String, Long> sizes = new HashMap<>();
        Map<Integer, Map<String, LogDirDescription>> dirs = get(admin.describeLogDirs(brokers).allDescriptions());
        for (Map<String, LogDirDescription> broker : dirs.values()) {
            for (LogDirDescription dir : broker.values()) {
                for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                    sizes.merge(replica.getKey().topic(), replica.getValue().size(), Long::sum);
                }
            }
        }
        return sizes;
    }

    /**
     * Every consumer group with committed offsets or members, by id, with its lag in records but
     * not in time ({@code timeLagMs} -1: reading a record per lagging partition of every group
     * would cost more than the rest together; {@link #group} has it for one group). Fetched in
     * bulk whatever the number of groups: one describe, one {@code listConsumerGroupOffsets} for
     * all groups and one {@code listOffsets} for all their partitions, so the round trips do not
     * grow with the groups (the admin client batches each call per coordinator or leader).
     */
    public List<ConsumerGroupLag> groups() {
        List<String> ids = get(admin.listConsumerGroups().all()).stream().map(ConsumerGroupListing::groupId)
                .sorted().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, ConsumerGroupDescription> descriptions = get(admin.describeConsumerGroups(ids).all());
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        ids.forEach(id -> specs.put(id, new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> offsets = get(admin.listConsumerGroupOffsets(specs).all());
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        Set<TopicPartition> partitions = new HashSet<>();
        for (String id : ids) {
            Map<TopicPartition, OffsetAndMetadata> group = present(offsets.getOrDefault(id, Map.of()));
            committed.put(id, group);
            partitions.addAll(group.keySet());
        }
        Map<TopicPartition, Long> ends = KafkaCalls.offsets(admin, partitions, OffsetSpec.latest());
        List<ConsumerGroupLag> groups = new ArrayList<>();
        for (String id : ids) {
            groups.add(lag(descriptions.get(id), committed.get(id), ends, Map.of()));
        }
        return groups;
    }

    private static Map<TopicPartition, OffsetAndMetadata> present(Map<TopicPartition, OffsetAndMetadata> offsets) {
        Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>(offsets);
        present.values().removeIf(offset -> offset == null);
        return present;
    }

    private ConsumerGroupLag lag(ConsumerGroupDescription group, Map<TopicPartition, OffsetAndMetadata> committed,
                                 Map<TopicPartition, Long> ends, Map<TopicPartition, Long> timestamps) {
        Map<TopicPartition, String> owners = new HashMap<>();
        List<ConsumerGroupLag.Member> members = new ArrayList<>();
        for (MemberDescription member : group.members()) {
            member.assignment().topicPartitions().forEach(tp -> owners.put(tp, member.consumerId()));
            members.add(new ConsumerGroupLag.Member(member.consumerId(), member.clientId(), member.host(),
                    member.assignment().topicPartitions().size()));
        }
        long now = clock.millis();
        List<ConsumerGroupLag.PartitionLag> partitions = new ArrayList<>();
        committed.forEach((tp, offset) -> {
            long end = ends.getOrDefault(tp, offset.offset());
            Long timestamp = timestamps.get(tp);
            partitions.add(new ConsumerGroupLag.PartitionLag(tp.topic(), tp.partition(), offset.offset(), end,
                    Math.max(end - offset.offset(), 0), timestamp == null ? -1 : Math.max(now - timestamp, 0),
                    owners.getOrDefault(tp, "")));
        });
        partitions.sort(Comparator.comparing(ConsumerGroupLag.PartitionLag::topic)
                .thenComparingInt(ConsumerGroupLag.PartitionLag::partition));
        return new ConsumerGroupLag(group.groupId(), group.groupState().toString(), members, partitions);
    }

    private Map<TopicPartition, Long> firstUnconsumedTimestamps(Map<TopicPartition, Long> positions) {
        Map<TopicPartition, Long> timestamps = new HashMap<>();
        if (positions.isEmpty()) {
            return timestamps;
        }
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.assign(positions.keySet());
            positions.forEach(consumer::seek);
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (timestamps.size() < positions.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    timestamps.putIfAbsent(tp, record.timestamp());
                    consumer.pause(List.of(tp));
                }
            }
        }
        return timestamps;
    }

    private static <T> T get(KafkaFuture<T> future) {
        return KafkaCalls.get(future);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
