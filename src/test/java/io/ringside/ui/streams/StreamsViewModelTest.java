package io.ringside.ui.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.AccessGuard;
import io.ringside.core.kafka.AuditLog;
import io.ringside.core.kafka.ConsumerGroupLag;
import io.ringside.core.kafka.TailRecord;
import io.ringside.core.kafka.TopicInfo;
import io.ringside.core.kafka.explorer.ConfigChange;
import io.ringside.core.kafka.explorer.KafkaServices;
import io.ringside.core.kafka.explorer.MessageSearch;
import io.ringside.core.kafka.explorer.OffsetReset;
import io.ringside.core.kafka.explorer.ProduceRequest;
import io.ringside.core.kafka.explorer.ProducedRecord;
import io.ringside.core.kafka.explorer.ResetPlan;
import io.ringside.core.kafka.explorer.SearchQuery;
import io.ringside.core.kafka.explorer.TopicDetail;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Topics and consumer-group lag against the shared stack's Kafka; the tail buffer with a fake feed. */
@ExtendWith(SharedStack.class)
class StreamsViewModelTest {

    @Test
    void topicsAndLagMatchTheAdminClientsFigures(TestStack stack) throws Exception {
        String topic = "streams-test-" + UUID.randomUUID();
        String group = "streams-test-group-" + UUID.randomUUID();
        long old = System.currentTimeMillis() - 60_000;
        Map<String, Object> kafka = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.state().kafka().bootstrap());
        try (Admin admin = stack.kafkaAdmin()) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(60, TimeUnit.SECONDS);
            Map<String, Object> props = new HashMap<>(kafka);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>(topic, 0, old + i, "k" + i, "{\"n\":" + i + "}"));
                }
                for (int i = 0; i < 4; i++) {
                    producer.send(new ProducerRecord<>(topic, 1, old + i, "k" + i, "{\"n\":" + i + "}"));
                }
                producer.flush();
            }
            TopicPartition p0 = new TopicPartition(topic, 0);
            TopicPartition p1 = new TopicPartition(topic, 1);
            admin.alterConsumerGroupOffsets(group, Map.of(p0, new OffsetAndMetadata(3), p1, new OffsetAndMetadata(4)))
                    .all().get(60, TimeUnit.SECONDS);

            KafkaStreamsGateway gateway = new KafkaStreamsGateway(() -> kafka, () -> {
                throw new UnsupportedOperationException("topics and groups only");
            });
            StreamsViewModel viewModel = new StreamsViewModel(gateway, new CurrentThreadTaskExecutor());
            try {
                viewModel.activate();
                assertTrue(viewModel.loadedProperty().get(), viewModel.loadErrorProperty().get());

                TopicInfo info = viewModel.topics().stream().filter(t -> t.name().equals(topic)).findFirst().orElseThrow();
                assertEquals(2, info.partitions());
                assertEquals(1, info.replicationFactor());
                assertTrue(info.sizeBytes() > 0, "size " + info.sizeBytes());

                ConsumerGroupLag lag = viewModel.groups().stream().filter(g -> g.groupId().equals(group)).findFirst()
                        .orElseThrow();
                viewModel.selectedGroupProperty().set(lag);
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(60, TimeUnit.SECONDS);
                Map<TopicPartition, Long> ends = new HashMap<>();
                admin.listOffsets(Map.of(p0, OffsetSpec.latest(), p1, OffsetSpec.latest())).all()
                        .get(60, TimeUnit.SECONDS).forEach((tp, result) -> ends.put(tp, result.offset()));
                assertEquals(2, viewModel.partitions().size());
                for (ConsumerGroupLag.PartitionLag partition : viewModel.partitions()) {
                    TopicPartition tp = new TopicPartition(partition.topic(), partition.partition());
                    assertEquals(committed.get(tp).offset(), partition.committedOffset());
                    assertEquals(ends.get(tp), partition.endOffset());
                    assertEquals(ends.get(tp) - committed.get(tp).offset(), partition.lag());
                }
                ConsumerGroupLag.PartitionLag behind = viewModel.partitions().get(0);
                assertEquals(7, behind.lag());
                assertTrue(behind.timeLagMs() >= 55_000 && behind.timeLagMs() < 600_000, "time lag " + behind.timeLagMs());
                assertEquals(-1, viewModel.partitions().get(1).timeLagMs(), "caught up: no time lag");
                assertEquals(7, lag.totalLag());
            } finally {
                viewModel.deactivate();
                gateway.close();
            }
        }
    }

    @Test
    void topicAndGroupFiltersMatchPartOfTheNameInAnyCase() {
        FakeFeed feed = new FakeFeed();
        feed.groups = List.of(new ConsumerGroupLag("orders-EU", "Empty", List.of(), List.of()),
                new ConsumerGroupLag("orders-us", "Empty", List.of(), List.of()),
                new ConsumerGroupLag("billing", "Empty", List.of(), List.of()));
        StreamsViewModel viewModel = new StreamsViewModel(feed, new CurrentThreadTaskExecutor());
        viewModel.activate();
        viewModel.groupFilterProperty().set(" Orders ");
        assertEquals(List.of("orders-EU", "orders-us"), viewModel.shownGroups().stream().map(ConsumerGroupLag::groupId).toList());
        viewModel.groupFilterProperty().set("eu");
        assertEquals(List.of("orders-EU"), viewModel.shownGroups().stream().map(ConsumerGroupLag::groupId).toList());
        assertEquals(3, viewModel.groups().size(), "the filter hides, it does not drop");
        viewModel.topicFilterProperty().set("AUDIT");
        assertEquals(1, viewModel.shownTopics().size());
        viewModel.topicFilterProperty().set("jobs");
        assertEquals(0, viewModel.shownTopics().size());
        viewModel.topicFilterProperty().set("");
        assertEquals(1, viewModel.shownTopics().size());
        viewModel.deactivate();
    }

    @Test
    void tailIsNewestFirstBoundedFilterableAndPausingHoldsRecords() {
        FakeFeed feed = new FakeFeed();
        StreamsViewModel viewModel = new StreamsViewModel(feed, new CurrentThreadTaskExecutor());
        viewModel.activate();
        for (int i = 0; i < StreamsViewModel.TAIL_CAPACITY + 5; i++) {
            feed.sink.accept(record(i, i % 2 == 0 ? "{\"action\":\"evict\"}" : "{\"hits\":3}"));
        }
        assertEquals(StreamsViewModel.TAIL_CAPACITY, viewModel.tail().size());
        assertEquals(StreamsViewModel.TAIL_CAPACITY + 4, viewModel.tail().get(0).offset(), "newest on top");

        viewModel.filterProperty().set("EVICT");
        assertEquals(StreamsViewModel.TAIL_CAPACITY / 2, viewModel.tail().size());
        assertTrue(viewModel.tail().stream().allMatch(r -> r.value().contains("evict")));
        viewModel.filterProperty().set("");

        viewModel.pausedProperty().set(true);
        feed.sink.accept(record(5000, "{\"late\":true}"));
        assertEquals(StreamsViewModel.TAIL_CAPACITY + 4, viewModel.tail().get(0).offset(), "paused: unchanged");
        assertTrue(viewModel.tailStatusProperty().get().contains("1 waiting"), viewModel.tailStatusProperty().get());
        viewModel.pausedProperty().set(false);
        assertEquals(5000, viewModel.tail().get(0).offset());
        assertEquals(StreamsViewModel.TAIL_CAPACITY, viewModel.tail().size());

        viewModel.deactivate();
        assertTrue(feed.closed);
    }

    @Test
    void offsetResetPreviewChangesNothingAndApplyAsksThenMovesTheOffsets(TestStack stack) throws Exception {
        String topic = "streams-reset-" + UUID.randomUUID();
        String group = "streams-reset-group-" + UUID.randomUUID();
        Map<String, Object> kafka = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.state().kafka().bootstrap());
        TopicPartition p0 = new TopicPartition(topic, 0);
        try (Admin admin = stack.kafkaAdmin();
             KafkaServices services = new KafkaServices(kafka, AccessGuard.READ_WRITE,
                     () -> new AuditLog(stack.dataFolder(), kafka, "test"))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
            Map<String, Object> props = new HashMap<>(kafka);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>(topic, 0, "k" + i, "v" + i));
                }
            }
            admin.alterConsumerGroupOffsets(group, Map.of(p0, new OffsetAndMetadata(6))).all().get(60, TimeUnit.SECONDS);
            FakeDialogService dialogs = new FakeDialogService().answering(false);
            StreamsViewModel viewModel = new StreamsViewModel(new KafkaStreamsGateway(() -> kafka, () -> services),
                    new CurrentThreadTaskExecutor(), dialogs);
            OffsetResetViewModel reset = viewModel.reset();
            reset.groupProperty().set(group);
            reset.topicProperty().set(topic);
            reset.targetProperty().set(OffsetResetViewModel.Target.SHIFT);
            reset.valueProperty().set("-4");
            reset.preview();
            assertEquals(List.of(new ResetPlan.Move(0, 6, 2)), reset.planProperty().get().moves());
            assertTrue(reset.statusProperty().get().contains("0: 6 -> 2"), reset.statusProperty().get());
            assertEquals(6, committed(admin, group, p0), "the preview changed nothing");

            reset.apply();
            assertEquals(1, dialogs.asked().size());
            assertEquals(6, committed(admin, group, p0), "declined: nothing changed");
            dialogs.answering(true);
            reset.apply();
            assertEquals(2, committed(admin, group, p0));
        }
    }

    private static long committed(Admin admin, String group, TopicPartition tp) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(60, TimeUnit.SECONDS).get(tp)
                .offset();
    }

    @Test
    void tailRowsAreInTimeOrderAcrossTopicsAndBatchesAndTheSelectedOneIsDecoded() {
        FakeFeed feed = new FakeFeed();
        StreamsViewModel viewModel = new StreamsViewModel(feed, new CurrentThreadTaskExecutor());
        viewModel.activate();
        long t = 1_700_000_000_000L;
        feed.sink.accept(new TailRecord("ringside.cache.stats", 0, 10, t + 30, null, "{}"));
        feed.sink.accept(new TailRecord("ringside.audit", 0, 3, t + 10, "ana",
                "{\"ts\":\"2026-01-02T03:04:05Z\",\"user\":\"ana\",\"profile\":\"local\",\"action\":\"kafka.produce\","
                        + "\"target\":\"orders\",\"count\":1,\"outcome\":\"ok\"}"));
        feed.sink.accept(new TailRecord("ringside.jobs.progress", 1, 7, t + 20, null, "{}"));
        feed.sink.accept(new TailRecord("ringside.audit", 0, 4, t + 25, null, "{}"));
        assertEquals(List.of(t + 30, t + 25, t + 20, t + 10),
                viewModel.tail().stream().map(TailRecord::timestamp).toList(), "newest first by time, not by arrival");

        viewModel.selectedTailProperty().set(viewModel.tail().get(3));
        assertTrue(viewModel.tailDetailProperty().get().contains("ana kafka.produce orders (1) - ok"),
                viewModel.tailDetailProperty().get());
        viewModel.deactivate();
    }

    private static TailRecord record(long offset, String value) {
        return new TailRecord("ringside.audit", 0, offset, 1_700_000_000_000L + offset, null, value);
    }

    @Test
    void eachRefreshAddsALagSampleToTheSelectedGroupsChartAndOldSamplesAreDropped() {
        FakeFeed feed = new FakeFeed();
        StreamsViewModel viewModel = new StreamsViewModel(feed, new CurrentThreadTaskExecutor());
        for (long lag : new long[] {5, 9, 2}) {
            feed.groups = List.of(new ConsumerGroupLag("orders", "Empty", List.of(),
                    List.of(new ConsumerGroupLag.PartitionLag("t", 0, 0, lag, lag, -1, ""))));
            viewModel.activate();
        }
        assertEquals(List.of(5L, 9L, 2L), viewModel.lagHistory().stream().map(StreamsViewModel.LagSample::lag).toList());
        viewModel.deactivate();

        java.time.Instant now = java.time.Instant.parse("2026-01-02T03:20:00Z");
        java.util.Deque<StreamsViewModel.LagSample> samples = new java.util.ArrayDeque<>(List.of(
                new StreamsViewModel.LagSample(now.minus(StreamsViewModel.LAG_WINDOW).minusSeconds(1), 1),
                new StreamsViewModel.LagSample(now.minus(StreamsViewModel.LAG_WINDOW), 2),
                new StreamsViewModel.LagSample(now, 3)));
        StreamsViewModel.trim(samples, now);
        assertEquals(List.of(2L, 3L), samples.stream().map(StreamsViewModel.LagSample::lag).toList());
    }

    @Test
    void theListShownIsReadFirstAndTheOtherListAndTheTailOnceItIsIn() {
        FakeFeed feed = new FakeFeed();
        StreamsViewModel viewModel = new StreamsViewModel(feed, new CurrentThreadTaskExecutor());
        viewModel.shownProperty().set(StreamsViewModel.Shown.GROUPS);
        viewModel.activate();
        assertEquals(List.of("groups", "topics", "readOnly", "tail"), feed.calls);
        viewModel.deactivate();
        feed.calls.clear();
        viewModel.shownProperty().set(StreamsViewModel.Shown.TOPICS);
        viewModel.activate();
        assertEquals(List.of("topics", "groups", "readOnly", "tail"), feed.calls);
        viewModel.deactivate();
    }

    private static final class FakeFeed implements StreamsGateway {
        Consumer<TailRecord> sink;
        boolean closed;
        List<ConsumerGroupLag> groups = List.of();
        final List<String> calls = new java.util.ArrayList<>();

        @Override
        public List<TopicInfo> topics() {
            calls.add("topics");
            return List.of(new TopicInfo("ringside.audit", 1, 1, Duration.ofDays(7).toMillis(), 100));
        }

        @Override
        public List<ConsumerGroupLag> groups() {
            calls.add("groups");
            return groups;
        }

        @Override
        public boolean readOnly() {
            calls.add("readOnly");
            return false;
        }

        @Override
        public ProducedRecord produce(ProduceRequest request) {
            throw new UnsupportedOperationException("the tail only");
        }

        @Override
        public void deleteGroup(String group) {
            throw new UnsupportedOperationException("the tail only");
        }

        @Override
        public void createTopic(String topic, int partitions, short replicationFactor, Map<String, String> configs) {
            throw new UnsupportedOperationException("the tail only");
        }

        @Override
        public List<ConfigChange> configDiff(String topic, Map<String, String> desired) {
            throw new UnsupportedOperationException("the tail only");
        }

        @Override
        public int alterConfigs(String topic, List<ConfigChange> changes) {
            throw new UnsupportedOperationException("the tail only");
        }

        @Override
        public void addPartitions(String topic, int totalPartitions) {
            throw new UnsupportedOperationException("the tail only");
        }

        @Override
        public void deleteTopic(String topic, String typedName) {
            throw new UnsupportedOperationException("the tail only");
        }

        @Override
        public TopicDetail topicDetail(String topic) {
            throw new UnsupportedOperationException("the tail only");
        }

        @Override
        public List<io.ringside.core.kafka.explorer.KafkaMessage> browse(
                io.ringside.core.kafka.explorer.MessageQuery query) {
            throw new UnsupportedOperationException("the tail only");
        }

        @Override
        public MessageSearch search(SearchQuery query) {
            throw new UnsupportedOperationException("the tail only");
        }

        @Override
        public ResetPlan planReset(String group, String topic, OffsetReset reset) {
            throw new UnsupportedOperationException("the tail only");
        }

        @Override
        public ResetPlan resetOffsets(String group, String topic, OffsetReset reset) {
            throw new UnsupportedOperationException("the tail only");
        }

        @Override
        public AutoCloseable tail(List<String> topics, Consumer<TailRecord> sink, Consumer<Exception> failure) {
            calls.add("tail");
            this.sink = sink;
            return () -> closed = true;
        }
    }
}
