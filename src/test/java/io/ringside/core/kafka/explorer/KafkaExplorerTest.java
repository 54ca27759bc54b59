package io.ringside.core.kafka.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringside.core.RingsideException;
import io.ringside.core.connect.AccessGuard;
import io.ringside.core.connect.ReadOnlyProfileException;
import io.ringside.core.kafka.AuditLog;
import io.ringside.testing.Await;
import io.ringside.testing.AuditEvents;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Topic detail, browse, search, produce, group offsets and topic admin against the shared stack's Kafka. */
@ExtendWith(SharedStack.class)
class KafkaExplorerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private TestStack stack;
    private Map<String, Object> kafka;
    private KafkaServices services;

    @BeforeEach
    void open(TestStack stack) {
        this.stack = stack;
        this.kafka = Map.of("bootstrap.servers", stack.state().kafka().bootstrap());
        this.services = services(false);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private KafkaServices services(boolean readOnly) {
        return new KafkaServices(kafka, AccessGuard.of("test", readOnly), () -> new AuditLog(data, kafka, "test"));
    }

    private static String fresh(String what) {
        return "explorer-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private KafkaProducer<String, String> producer() {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(props);
    }

    @Test
    void detailCountsEqualEndMinusStartAndMarksOverriddenConfigs() throws Exception {
        String topic = fresh("detail");
        services.topics().create(topic, 3, (short) 1, Map.of("retention.ms", "3600000"));
        int[] produced = {7, 0, 12};
        try (KafkaProducer<String, String> producer = producer()) {
            for (int p = 0; p < produced.length; p++) {
                for (int i = 0; i < produced[p]; i++) {
                    producer.send(new ProducerRecord<>(topic, p, "k" + i, "v" + i));
                }
            }
            producer.flush();
        }
        TopicDetail detail = services.topics().detail(topic);
        assertEquals(3, detail.partitions().size());
        try (Admin admin = stack.kafkaAdmin()) {
            for (PartitionDetail partition : detail.partitions()) {
                TopicPartition tp = new TopicPartition(topic, partition.partition());
                long end = admin.listOffsets(Map.of(tp, OffsetSpec.latest())).all().get().get(tp).offset();
                long start = admin.listOffsets(Map.of(tp, OffsetSpec.earliest())).all().get().get(tp).offset();
                assertEquals(end - start, partition.messages());
                assertEquals(produced[partition.partition()], partition.messages());
                assertEquals(List.of(partition.leader()), partition.isr());
            }
        }
        assertEquals(19, detail.messages());
        assertTrue(detail.partitions().get(2).sizeBytes() > 0, "the broker reports the log size of partition 2");
        TopicConfigValue retention = detail.configs().stream().filter(c -> c.name().equals("retention.ms")).findFirst()
                .orElseThrow();
        assertTrue(retention.overridden());
        assertEquals("3600000", retention.value());
        assertFalse(detail.configs().stream().filter(c -> c.name().equals("cleanup.policy")).findFirst().orElseThrow()
                .overridden());
    }

    @Test
    void jsonPathSearchReturnsExactlyTheSeededMatches() throws Exception {
        String topic = fresh("search");
        services.topics().create(topic, 2, (short) 1, Map.of());
        String[] states = {"running", "succeeded", "failed", "queued"};
        Random random = new Random(42);
        Set<String> failed = new TreeSet<>();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 3_000; i++) {
                String state = states[random.nextInt(states.length)];
                // "failed" also appears in other fields, so the raw-byte prefilter alone would count too many
                String value = "{\"job\":\"j" + i + "\",\"state\":\"" + state + "\",\"note\":\"failed\",\"n\":" + i + "}";
                producer.send(new ProducerRecord<>(topic, i % 2, "j" + i, value));
                if (state.equals("failed")) {
                    failed.add("j" + i);
                }
            }
            producer.send(new ProducerRecord<>(topic, 0, "garbage", "not json \"failed\""));
            producer.flush();
        }
        List<KafkaMessage> found = new ArrayList<>();
        SearchResult result = services.search(SearchQuery.whole(topic, MessageFilter.jsonPath("$.state == \"failed\"")))
                .run(found::add, p -> { });
        Set<String> keys = new TreeSet<>();
        for (KafkaMessage message : found) {
            assertEquals("failed", JSON.readTree(message.value()).get("state").asText());
            keys.add(message.keyText());
        }
        assertEquals(failed, keys);
        assertEquals(failed.size(), result.progress().matched());
        assertEquals(3_001, result.progress().scanned());
        assertFalse(result.truncated());

        SearchResult bounded = services.search(new SearchQuery(topic, null, Position.beginning(), Position.end(),
                MessageFilter.jsonPath("$.n >= 2990"), 4, false, 1024)).run(m -> { }, p -> { });
        assertEquals(10, bounded.progress().matched());
        assertEquals(4, bounded.progress().kept());
        assertTrue(bounded.truncated());

        // the tests run on the calling thread, the polls on the search's fetch thread: stopping at the
        // limit must end both, with the counts of the tests alone
        SearchResult stopped = services.search(new SearchQuery(topic, null, Position.beginning(), Position.end(),
                MessageFilter.jsonPath("$.n >= 0"), 5, true, 1024)).run(m -> { }, p -> { });
        assertEquals(5, stopped.progress().kept());
        assertEquals(5, stopped.progress().matched());
        assertTrue(stopped.stoppedAtLimit());

        SearchResult inRange = services.search(new SearchQuery(topic, 1, Position.offset(10), Position.offset(19),
                MessageFilter.valueMatches("\"n\":\\d+1\\}"), 100, false, 1024)).run(m -> { }, p -> { });
        assertEquals(10, inRange.progress().scanned());
        assertEquals(2, inRange.progress().matched(), "offsets 10..19 of partition 1 hold the odd n 21..39: 21 and 31 end in 1");
    }

    /**
     * The search's fetch thread can read every partition to its end before the calling thread takes
     * its first look (a loaded machine keeps the caller off the CPU that long; once, in a whole-suite
     * run, the search then ended at once with nothing scanned). A fetch thread whose {@code start()}
     * returns only when the thread has finished forces that order every time.
     */
    @Test
    void aSearchWhoseFetchThreadFinishesBeforeTheCallerLooksTestsEveryRecord() throws Exception {
        String topic = fresh("late-caller");
        services.topics().create(topic, 2, (short) 1, Map.of());
        Set<String> failed = new TreeSet<>();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 40; i++) {
                String state = i % 5 == 0 ? "failed" : "running";
                producer.send(new ProducerRecord<>(topic, i % 2, "j" + i, "{\"state\":\"" + state + "\"}"));
                if (state.equals("failed")) {
                    failed.add("j" + i);
                }
            }
            producer.flush();
        }
        AtomicBoolean fetchedFirst = new AtomicBoolean();
        ThreadFactory doneBeforeStartReturns = fetch -> new Thread(fetch, MessageSearch.FETCH_THREAD) {
            @Override
            public synchronized void start() {
                super.start();
                try {
                    join(Duration.ofSeconds(10).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                fetchedFirst.set(!isAlive());
            }
        };
        List<KafkaMessage> found = new ArrayList<>();
        SearchResult result = new MessageSearch(kafka, SearchQuery.whole(topic, MessageFilter.jsonPath("$.state == \"failed\"")),
                doneBeforeStartReturns).run(found::add, p -> { });
        assertTrue(fetchedFirst.get(), "the fetch thread read both partitions before the caller went on");
        assertEquals(failed, new TreeSet<>(found.stream().map(KafkaMessage::keyText).toList()));
        assertEquals(40, result.progress().scanned());
        assertEquals(8, result.progress().matched());
        assertFalse(result.cancelled());

        // a fetch thread that ends without handing over the last batch (an error it could not hand)
        // must fail the search, not leave it waiting or passing for read to the end
        MessageSearch orphaned = new MessageSearch(kafka, SearchQuery.whole(topic, MessageFilter.all()),
                fetch -> new Thread(() -> { }, MessageSearch.FETCH_THREAD));
        IllegalStateException ended = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(IllegalStateException.class, () -> orphaned.run(m -> { }, p -> { })));
        assertTrue(ended.getMessage().contains(topic), ended.getMessage());
    }

    @Test
    void timestampSeekLandsOnTheFirstMessageAtOrAfterIt() {
        String topic = fresh("seek");
        services.topics().create(topic, 1, (short) 1, Map.of());
        long t0 = Instant.now().minus(Duration.ofHours(1)).toEpochMilli();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 20; i++) {
                producer.send(new ProducerRecord<>(topic, 0, t0 + i * 1000L, "k" + i, "v" + i));
            }
            producer.flush();
        }
        List<KafkaMessage> after = services.browser().browse(new MessageQuery(topic, null,
                Position.time(Instant.ofEpochMilli(t0 + 5_500)), false, 3, 1024));
        assertEquals(List.of(6L, 7L, 8L), after.stream().map(KafkaMessage::offset).toList());
        assertEquals(t0 + 6_000, after.get(0).timestamp().toEpochMilli());
        List<KafkaMessage> exact = services.browser().browse(new MessageQuery(topic, 0,
                Position.time(Instant.ofEpochMilli(t0 + 5_000)), false, 1, 1024));
        assertEquals(5L, exact.get(0).offset());
        List<KafkaMessage> newest = services.browser().browse(MessageQuery.newest(topic, 2));
        assertEquals(List.of(19L, 18L), newest.stream().map(KafkaMessage::offset).toList());
    }

    @Test
    void producedMessageIsBrowsedWithItsHeadersAndAudited() throws Exception {
        String topic = fresh("produce");
        services.topics().create(topic, 2, (short) 1, Map.of());
        ProducedRecord stored = services.producer().produce(new ProduceRequest(topic, 1, ProduceRequest.text("order-7"),
                ProduceRequest.json("{\"state\": \"failed\"}"),
                List.of(MessageHeader.parse("trace=abc-123"), MessageHeader.text("source", "test"))));
        assertEquals(1, stored.partition());
        List<KafkaMessage> page = services.browser().browse(MessageQuery.newest(topic, 10));
        assertEquals(1, page.size());
        KafkaMessage message = page.get(0);
        assertEquals("order-7", message.keyText());
        assertEquals("{\"state\": \"failed\"}", message.valueText());
        assertEquals(List.of("trace=abc-123", "source=test"),
                message.headers().stream().map(h -> h.key() + "=" + h.valueText()).toList());
        assertEquals(DecodedValue.Format.JSON, MessageDecoder.decode(topic, message.value()).format());
        assertThrows(IllegalArgumentException.class, () -> ProduceRequest.json("{\"state\": "));
        JsonNode event = AuditEvents.await(stack, e -> e.path("action").asText().equals("kafka.produce")
                && e.path("target").asText().startsWith(topic));
        assertEquals("ok", event.path("outcome").asText());
    }

    private Map<TopicPartition, Long> committed(String group) throws Exception {
        try (Admin admin = stack.kafkaAdmin()) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .forEach((tp, o) -> offsets.put(tp, o.offset()));
            return offsets;
        }
    }

    private KafkaConsumer<String, String> consumer(String group) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props);
    }

    private String seededGroup(String topic) {
        services.topics().create(topic, 2, (short) 1, Map.of());
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 20; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, "k" + i, "v" + i));
            }
            producer.flush();
        }
        String group = fresh("group");
        try (KafkaConsumer<String, String> consumer = consumer(group)) {
            consumer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(5),
                    new TopicPartition(topic, 1), new OffsetAndMetadata(8)));
        }
        return group;
    }

    @Test
    void resetDryRunChangesNothingAndTheRealRunMovesCommittedOffsetsExactly() throws Exception {
        String topic = fresh("reset");
        String group = seededGroup(topic);
        TopicPartition p0 = new TopicPartition(topic, 0);
        TopicPartition p1 = new TopicPartition(topic, 1);

        ResetPlan plan = services.groups().planReset(group, topic, OffsetReset.earliest());
        assertEquals(List.of(new ResetPlan.Move(0, 5, 0), new ResetPlan.Move(1, 8, 0)), plan.moves());
        assertEquals(Map.of(p0, 5L, p1, 8L), committed(group), "the dry run changed nothing");

        services.groups().resetOffsets(group, topic, OffsetReset.shiftBy(-3));
        assertEquals(Map.of(p0, 2L, p1, 5L), committed(group));
        services.groups().resetOffsets(group, topic, OffsetReset.shiftBy(100));
        assertEquals(Map.of(p0, 10L, p1, 10L), committed(group), "a shift stops at the end of the log");
        services.groups().resetOffsets(group, topic, OffsetReset.toOffset(4));
        assertEquals(Map.of(p0, 4L, p1, 4L), committed(group));
        services.groups().resetOffsets(group, topic, OffsetReset.earliest());
        assertEquals(Map.of(p0, 0L, p1, 0L), committed(group));
        services.groups().resetOffsets(group, topic, OffsetReset.toTime(Instant.now().plusSeconds(3600)));
        assertEquals(Map.of(p0, 10L, p1, 10L), committed(group), "a time after the last record is the end");
    }

    @Test
    void resetAndDeleteAreRefusedWhileTheGroupHasActiveMembers() throws Exception {
        String topic = fresh("active");
        String group = seededGroup(topic);
        try (KafkaConsumer<String, String> member = consumer(group)) {
            member.subscribe(List.of(topic));
            Await.until("the consumer joined " + group, Duration.ofSeconds(30), () -> {
                member.poll(Duration.ofMillis(100));
                return !member.assignment().isEmpty();
            });
            assertEquals(1, services.groups().members(group).size());
            RingsideException refused = assertThrows(RingsideException.class,
                    () -> services.groups().resetOffsets(group, topic, OffsetReset.earliest()));
            assertTrue(refused.getMessage().contains("active member"), refused.getMessage());
            assertThrows(RingsideException.class, () -> services.groups().delete(group));
            assertEquals(Map.of(new TopicPartition(topic, 0), 5L, new TopicPartition(topic, 1), 8L), committed(group));
        }
        services.groups().delete(group);
        assertTrue(committed(group).isEmpty(), "the deleted group has no offsets left");
    }

    @Test
    void readOnlyProfileRefusesEveryChange() throws Exception {
        String topic = fresh("readonly");
        String group = seededGroup(topic);
        try (KafkaServices readOnly = services(true)) {
            assertThrows(ReadOnlyProfileException.class, () -> readOnly.producer().produce(
                    new ProduceRequest(topic, null, null, ProduceRequest.text("x"), List.of())));
            assertThrows(ReadOnlyProfileException.class,
                    () -> readOnly.groups().resetOffsets(group, topic, OffsetReset.earliest()));
            assertThrows(ReadOnlyProfileException.class, () -> readOnly.groups().delete(group));
            String other = fresh("never");
            assertThrows(ReadOnlyProfileException.class, () -> readOnly.topics().create(other, 1, (short) 1, Map.of()));
            assertThrows(ReadOnlyProfileException.class, () -> readOnly.topics().delete(topic, topic));
            List<ConfigChange> diff = readOnly.topics().configDiff(topic, Map.of("retention.ms", "60000"));
            assertEquals(List.of(new ConfigChange("retention.ms", null, "60000")), diff);
            assertThrows(ReadOnlyProfileException.class, () -> readOnly.topics().alterConfigs(topic, diff));
            assertThrows(ReadOnlyProfileException.class, () -> readOnly.topics().addPartitions(topic, 4));
            TopicDetail unchanged = readOnly.topics().detail(topic);
            assertEquals(2, unchanged.partitions().size());
            assertFalse(unchanged.configs().stream().anyMatch(c -> c.name().equals("retention.ms") && c.overridden()));
            assertEquals(20, unchanged.messages());
            try (Admin admin = stack.kafkaAdmin()) {
                assertFalse(admin.listTopics().names().get().contains(other));
            }
        }
        assertEquals(Map.of(new TopicPartition(topic, 0), 5L, new TopicPartition(topic, 1), 8L), committed(group));
        JsonNode refusal = AuditEvents.await(stack, e -> e.path("action").asText().equals("kafka.topic.delete")
                && e.path("target").asText().equals(topic));
        assertTrue(refusal.path("outcome").asText().startsWith("refused"));
    }

    @Test
    void topicAdminEditsConfigsAddsPartitionsAndDeletesOnlyWithTheTypedName() throws Exception {
        String topic = fresh("admin");
        services.topics().create(topic, 1, (short) 1, Map.of("retention.ms", "3600000"));
        List<ConfigChange> diff = services.topics().configDiff(topic,
                Map.of("retention.ms", "", "max.message.bytes", "2000000"));
        assertEquals(Set.of(new ConfigChange("retention.ms", "3600000", null),
                new ConfigChange("max.message.bytes", null, "2000000")), Set.copyOf(diff));
        assertEquals(2, services.topics().alterConfigs(topic, diff));
        Await.until("the config change is visible", Duration.ofSeconds(10), () -> services.topics().detail(topic)
                .overriddenConfigs().stream().map(TopicConfigValue::name).toList().equals(List.of("max.message.bytes")));
        services.topics().addPartitions(topic, 3);
        assertEquals(3, services.topics().detail(topic).partitions().size());
        assertThrows(IllegalArgumentException.class, () -> services.topics().delete(topic, "something-else"));
        services.topics().delete(topic, topic);
        try (Admin admin = stack.kafkaAdmin()) {
            Await.until(topic + " is gone", Duration.ofSeconds(10),
                    () -> !get(admin).contains(topic));
        }
    }

    private static Set<String> get(Admin admin) {
        try {
            return admin.listTopics().names().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
