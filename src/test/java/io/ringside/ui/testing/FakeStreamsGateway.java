package io.ringside.ui.testing;

import io.ringside.core.kafka.BrokerInfo;
import io.ringside.core.kafka.ConsumerGroupLag;
import io.ringside.core.kafka.TailRecord;
import io.ringside.core.kafka.TopicInfo;
import io.ringside.core.kafka.explorer.ConfigChange;
import io.ringside.core.kafka.explorer.KafkaMessage;
import io.ringside.core.kafka.explorer.MessageHeader;
import io.ringside.core.kafka.explorer.MessageQuery;
import io.ringside.core.kafka.explorer.MessageSearch;
import io.ringside.core.kafka.explorer.OffsetReset;
import io.ringside.core.kafka.explorer.ProduceRequest;
import io.ringside.core.kafka.explorer.ProducedRecord;
import io.ringside.core.kafka.explorer.ResetPlan;
import io.ringside.core.kafka.explorer.SearchQuery;
import io.ringside.core.kafka.explorer.TopicDetail;
import io.ringside.ui.streams.StreamsGateway;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A scripted {@link StreamsGateway} for layout tests: topics with wide values in each column (a
 * topic name longer than its column at the minimum window, "unlimited" retention, a size near a
 * GiB, a degraded topic's "12 under-rep." badge and a topic with partitions both offline and
 * under-replicated ("123 offline", both in its tooltip), three leaders), no consumer group, a tail
 * of a few progress events with millisecond times, and a page of wide messages to browse. Whatever
 * changes Kafka is refused.
 */
public final class FakeStreamsGateway implements StreamsGateway {

    /** Longer than the topic column is wide at 1024 px, as generated names (a benchmark's, a connector's) are. */
    public static final String LONG_TOPIC = "orders.eu-west-1.payment-settlement-events.v2.dead-letter-retry";

    private static final long DAY = Duration.ofDays(1).toMillis();
    /** A millisecond time, the widest a tail row shows. */
    private static final Instant TAIL_START = Instant.parse("2026-12-07T02:37:07.123Z");
    private static final String JOB_ID = "7f3c9a2e-5b1d-4e8f-9a60-3c2b1d0e9f8a";

    @Override
    public List<TopicInfo> topics() {
        return List.of(
                new TopicInfo("ringside.audit", 1, 1, 30 * DAY, 2_130, 0, 0, List.of(1), List.of(1)),
                new TopicInfo(LONG_TOPIC, 12, 3, -1, 1_073_731_000L, 0, 0, List.of(1, 2, 3), List.of(1, 2, 3)),
                new TopicInfo("ringside.jobs.progress", 24, 3, 2 * DAY, 66_700, 12, 0, List.of(1, 2, 3),
                        List.of(1, 2, 3)),
                // partitions both offline and under-replicated, three-digit counts (the badge shows the worse)
                new TopicInfo("ringside.jobs.requests", 600, 3, 7 * DAY, 4_210, 456, 123, List.of(2, 3),
                        List.of(1, 2, 3)));
    }

    @Override
    public List<ConsumerGroupLag> groups() {
        return List.of();
    }

    @Override
    public List<BrokerInfo> brokers() {
        return List.of();
    }

    @Override
    public boolean readOnly() {
        return false;
    }

    @Override
    public AutoCloseable tail(List<String> topics, Consumer<TailRecord> sink, Consumer<Exception> failure) {
        for (int i = 0; i < 6; i++) {
            sink.accept(new TailRecord(topics.get(0), i, 2_000_000L + i, TAIL_START.toEpochMilli() + 1000L * i,
                    JOB_ID, "{\"job_id\":\"" + JOB_ID + "\",\"state\":\"running\",\"done\":" + (1000 * i) + "}"));
        }
        return () -> { };
    }

    @Override
    public TopicDetail topicDetail(String topic) {
        throw refused();
    }

    /**
     * A page of readings as a producer writes them: a millisecond timestamp (the widest
     * time there is), a job id as the key, a JSON value longer than its column and a header.
     */
    @Override
    public List<KafkaMessage> browse(MessageQuery query) {
        List<KafkaMessage> page = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            byte[] value = ("{\"jobId\":\"7f3c9a2e-5b1d-4e8f-9a60-3c2b1d0e9f8a\",\"state\":\"running\",\"done\":"
                    + (1000 * i) + ",\"total\":120000,\"rate\":1834.5,\"unit\":\"rows\"}")
                    .getBytes(StandardCharsets.UTF_8);
            page.add(new KafkaMessage(query.topic(), query.partition(), 1_000_000L + i,
                    Instant.parse("2026-12-07T02:37:07.123Z").plusMillis(1000L * i),
                    "7f3c9a2e-5b1d-4e8f-9a60-3c2b1d0e9f8a".getBytes(StandardCharsets.UTF_8),
                    value, value.length, List.of(new MessageHeader("source",
                            "ringside".getBytes(StandardCharsets.UTF_8)))));
        }
        return page;
    }

    @Override
    public MessageSearch search(SearchQuery query) {
        throw refused();
    }

    @Override
    public ResetPlan planReset(String group, String topic, OffsetReset reset) {
        throw refused();
    }

    @Override
    public ResetPlan resetOffsets(String group, String topic, OffsetReset reset) {
        throw refused();
    }

    @Override
    public ProducedRecord produce(ProduceRequest request) {
        throw refused();
    }

    @Override
    public void deleteGroup(String group) {
        throw refused();
    }

    @Override
    public void createTopic(String topic, int partitions, short replicationFactor, Map<String, String> configs) {
        throw refused();
    }

    @Override
    public List<ConfigChange> configDiff(String topic, Map<String, String> desired) {
        throw refused();
    }

    @Override
    public int alterConfigs(String topic, List<ConfigChange> changes) {
        throw refused();
    }

    @Override
    public void addPartitions(String topic, int totalPartitions) {
        throw refused();
    }

    @Override
    public void deleteTopic(String topic, String typedName) {
        throw refused();
    }

    private static UnsupportedOperationException refused() {
        return new UnsupportedOperationException("a layout fixture: topics only");
    }
}
