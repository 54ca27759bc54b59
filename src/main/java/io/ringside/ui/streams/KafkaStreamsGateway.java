package io.ringside.ui.streams;

import io.ringside.core.kafka.BrokerInfo;
import io.ringside.core.kafka.ConsumerGroupLag;
import io.ringside.core.kafka.StreamsInspector;
import io.ringside.core.kafka.TailRecord;
import io.ringside.core.kafka.TopicInfo;
import io.ringside.core.kafka.TopicTail;
import io.ringside.core.kafka.explorer.ConfigChange;
import io.ringside.core.kafka.explorer.KafkaServices;
import io.ringside.core.kafka.explorer.KafkaMessage;
import io.ringside.core.kafka.explorer.MessageQuery;
import io.ringside.core.kafka.explorer.MessageSearch;
import io.ringside.core.kafka.explorer.OffsetReset;
import io.ringside.core.kafka.explorer.ProduceRequest;
import io.ringside.core.kafka.explorer.ProducedRecord;
import io.ringside.core.kafka.explorer.ResetPlan;
import io.ringside.core.kafka.explorer.SearchQuery;
import io.ringside.core.kafka.explorer.TopicDetail;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Streams gateway over the active profile's Kafka. The inspector (one admin client) is rebuilt
 * when the profile's Kafka properties change, i.e. after a profile switch.
 */
public final class KafkaStreamsGateway implements StreamsGateway, AutoCloseable {

    /** Records each tailed partition starts before its end. */
    static final int BACKLOG = 50;

    private final Supplier<Map<String, Object>> kafka;
    private final Supplier<KafkaServices> services;
    private Map<String, Object> current;
    private StreamsInspector inspector;

    /** @param services the Kafka services of the active profile's session, asked on every call */
    public KafkaStreamsGateway(Supplier<Map<String, Object>> kafka, Supplier<KafkaServices> services) {
        this.kafka = kafka;
        this.services = services;
    }

    private synchronized StreamsInspector inspector() {
        Map<String, Object> now = kafka.get();
        if (!now.equals(current)) {
            close();
            current = now;
            inspector = new StreamsInspector(now, Clock.systemUTC());
        }
        return inspector;
    }

    @Override
    public List<TopicInfo> topics() {
        return inspector().topics();
    }

    @Override
    public List<ConsumerGroupLag> groups() {
        return inspector().groups();
    }

    @Override
    public ConsumerGroupLag group(String groupId) {
        return inspector().group(groupId);
    }

    @Override
    public StreamsInspector.Overview overview() {
        return inspector().overview();
    }

    @Override
    public List<BrokerInfo> brokers() {
        return inspector().liveBrokers();
    }

    @Override
    public TopicDetail topicDetail(String topic) {
        return services.get().topics().detail(topic);
    }

    @Override
    public List<KafkaMessage> browse(MessageQuery query) {
        return services.get().browser().browse(query);
    }

    @Override
    public MessageSearch search(SearchQuery query) {
        return services.get().search(query);
    }

    @Override
    public ResetPlan planReset(String group, String topic, OffsetReset reset) {
        return services.get().groups().planReset(group, topic, reset);
    }

    @Override
    public ResetPlan resetOffsets(String group, String topic, OffsetReset reset) {
        return services.get().groups().resetOffsets(group, topic, reset);
    }

    @Override
    public boolean readOnly() {
        return services.get().readOnly();
    }

    @Override
    public ProducedRecord produce(ProduceRequest request) {
        return services.get().producer().produce(request);
    }

    @Override
    public void deleteGroup(String group) {
        services.get().groups().delete(group);
    }

    @Override
    public void createTopic(String topic, int partitions, short replicationFactor, Map<String, String> configs) {
        services.get().topics().create(topic, partitions, replicationFactor, configs);
    }

    @Override
    public List<ConfigChange> configDiff(String topic, Map<String, String> desired) {
        return services.get().topics().configDiff(topic, desired);
    }

    @Override
    public int alterConfigs(String topic, List<ConfigChange> changes) {
        return services.get().topics().alterConfigs(topic, changes);
    }

    @Override
    public void addPartitions(String topic, int totalPartitions) {
        services.get().topics().addPartitions(topic, totalPartitions);
    }

    @Override
    public void deleteTopic(String topic, String typedName) {
        services.get().topics().delete(topic, typedName);
    }

    @Override
    public AutoCloseable tail(List<String> topics, Consumer<TailRecord> sink, Consumer<Exception> failure) {
        return TopicTail.start(kafka.get(), topics, BACKLOG, sink, failure);
    }

    @Override
    public synchronized void close() {
        if (inspector != null) {
            inspector.close();
            inspector = null;
        }
    }
}
