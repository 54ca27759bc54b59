package io.ringside.ui.streams;

import io.ringside.core.kafka.BrokerInfo;
import io.ringside.core.kafka.ConsumerGroupLag;
import io.ringside.core.kafka.TailRecord;
import io.ringside.core.kafka.StreamsInspector;
import io.ringside.core.kafka.TopicInfo;
import io.ringside.core.kafka.explorer.ConfigChange;
import io.ringside.core.kafka.explorer.KafkaMessage;
import io.ringside.core.kafka.explorer.MessageQuery;
import io.ringside.core.kafka.explorer.MessageSearch;
import io.ringside.core.kafka.explorer.OffsetReset;
import io.ringside.core.kafka.explorer.ProduceRequest;
import io.ringside.core.kafka.explorer.ProducedRecord;
import io.ringside.core.kafka.explorer.ResetPlan;
import io.ringside.core.kafka.explorer.SearchQuery;
import io.ringside.core.kafka.explorer.TopicDetail;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the Streams screen needs from Kafka, narrowed so the view-model is tested with a fake as
 * well as on the real stack. {@link #topics()} and {@link #groups()} block on the network;
 * {@link #tail} returns at once and calls {@code sink} from a thread of its own.
 */
public interface StreamsGateway {

    List<TopicInfo> topics();

    /** Every group with its lag in records, fetched in bulk; no time lag (see {@link #group}). */
    List<ConsumerGroupLag> groups();

    /** One group with its lag in records and in time; blocks on the network. */
    default ConsumerGroupLag group(String groupId) {
        return groups().stream().filter(g -> g.groupId().equals(groupId)).findFirst()
                .orElseThrow(() -> new io.ringside.core.NotFoundException("No consumer group " + groupId));
    }

    /** The topics and the brokers that are up, read together; blocks on the network. */
    default StreamsInspector.Overview overview() {
        List<TopicInfo> topics = topics();
        return new StreamsInspector.Overview(topics, brokers());
    }

    /** The brokers that are up, the controller marked; blocks on the network. */
    default List<BrokerInfo> brokers() {
        return List.of();
    }

    /** Partitions, offsets, sizes and configs of one topic; blocks on the network. */
    TopicDetail topicDetail(String topic);

    /** One page of one partition (or all); blocks on the network. */
    List<KafkaMessage> browse(MessageQuery query);

    /** A search ready to run on a background thread. */
    MessageSearch search(SearchQuery query);

    /** The dry run of an offset reset: old and new offsets per partition, nothing changed. */
    ResetPlan planReset(String group, String topic, OffsetReset reset);

    /** Resets (refused while the group has active members or under a read-only profile; audited). */
    ResetPlan resetOffsets(String group, String topic, OffsetReset reset);

    /** Whether the active profile refuses changes; may open the profile's session, so never on the FX thread. */
    boolean readOnly();

    /** Sends one record (refused read-only; audited). */
    ProducedRecord produce(ProduceRequest request);

    /** Deletes a consumer group (refused while it has active members or read-only; audited). */
    void deleteGroup(String group);

    void createTopic(String topic, int partitions, short replicationFactor, Map<String, String> configs);

    /** What applying {@code desired} would change; nothing changed yet. */
    List<ConfigChange> configDiff(String topic, Map<String, String> desired);

    int alterConfigs(String topic, List<ConfigChange> changes);

    void addPartitions(String topic, int totalPartitions);

    /** Deletes the topic when {@code typedName} is its name (refused otherwise). */
    void deleteTopic(String topic, String typedName);

    AutoCloseable tail(List<String> topics, Consumer<TailRecord> sink, Consumer<Exception> failure);
}
