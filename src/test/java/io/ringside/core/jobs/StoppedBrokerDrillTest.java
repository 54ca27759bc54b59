package io.ringside.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.data.DataServices;
import io.ringside.core.kafka.BrokerInfo;
import io.ringside.core.kafka.StreamsInspector;
import io.ringside.core.kafka.TopicInfo;
import io.ringside.core.kafka.Topics;
import io.ringside.core.stack.LocalStack;
import io.ringside.core.stack.ResidentMemory;
import io.ringside.core.stack.StackEvent;
import io.ringside.core.stack.StackOptions;
import io.ringside.core.stack.StackState;
import io.ringside.core.stack.StackSupervisor;
import io.ringside.testing.Await;
import io.ringside.testing.StackTeardown;
import io.ringside.testing.TestPorts;
import io.ringside.testing.TestStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stopped-broker drill on a stack of three Kafka brokers ({@code stack up --kafka-brokers 3}):
 * the Ringside topics are replicated three times with min ISR 2; with broker 2 stopped the Streams
 * inspector reports under-replicated partitions and no partition led by it, and a dataset load
 * through the job topics still succeeds; started again, every ISR is full. Multi-broker, so on
 * demand only ({@code cluster-drill}).
 */
@Tag("cluster-drill")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoppedBrokerDrillTest {

    private static final int STOPPED = 2;
    private static final List<String> JOB_TOPICS = List.of(Topics.JOB_REQUESTS, Topics.JOB_PROGRESS, Topics.JOB_CONTROL);

    private Path data;
    private StackSupervisor supervisor;
    private long startMillis;

    @TempDir
    Path dir;

    @BeforeAll
    void startThreeBrokers() throws IOException {
        data = Files.createTempDirectory("ringside-brokers-");
        StackOptions options = TestPorts.KAFKA_BROKERS.stack(data).withKafkaBrokers(StackOptions.MULTI_BROKERS);
        supervisor = new StackSupervisor(new LocalStack(options));
        long started = System.nanoTime();
        supervisor.start(event -> System.err.println("[brokers stack] " + event.describe()));
        startMillis = (System.nanoTime() - started) / 1_000_000;
    }

    @AfterAll
    void stopIt() {
        StackTeardown.stopAndDelete(supervisor, data);
    }

    @Test
    void aStoppedBrokerLeavesPartitionsUnderReplicatedLeadersMovedAndJobsRunning() throws Exception {
        StackState state = supervisor.stack().state();
        List<StackState.KafkaBroker> brokers = state.kafka().brokers();
        assertEquals(3, brokers.size(), state.kafka().toString());
        assertEquals(3, state.kafka().bootstrap().split(",").length, state.kafka().bootstrap());
        System.err.printf("[brokers stack] whole stack ready in %.1f s; resident: %s%n", startMillis / 1000.0,
                String.join(", ", brokers.stream().map(b -> "kafka-" + b.id() + " "
                        + ResidentMemory.of(b.pid()).orElse(0) / (1024 * 1024) + " MB").toList()));

        TestStack stack = new TestStack(data, state);
        Map<String, Object> kafka = Map.of("bootstrap.servers", state.kafka().bootstrap());
        JobTopics.ensure(kafka, Duration.ofSeconds(60));
        try (Admin admin = stack.kafkaAdmin();
             StreamsInspector inspector = new StreamsInspector(kafka, Clock.systemUTC())) {
            createOffsetsTopic(admin);
            assertReplicatedThreeTimes(admin, JOB_TOPICS);
            assertReplicatedThreeTimes(admin, List.of("__consumer_offsets"));
            assertMinIsrTwo(admin);
            List<TopicInfo> before = Await.value("the job topics listed, in sync", Duration.ofMinutes(1), () -> {
                List<TopicInfo> topics = jobTopics(inspector);
                return topics.size() == JOB_TOPICS.size() && topics.stream().noneMatch(TopicInfo::degraded) ? topics : null;
            });
            assertTrue(before.stream().anyMatch(t -> t.leaders().contains(STOPPED)),
                    "broker " + STOPPED + " leads some job partition before the drill: " + before);

            supervisor.stack().stopBroker(STOPPED, event -> { });
            assertFalse(supervisor.stack().state().kafka().broker(STOPPED).up());
            List<TopicInfo> during = Await.value("under-replicated job partitions led by the other brokers",
                    Duration.ofMinutes(1), () -> {
                        List<TopicInfo> topics = jobTopics(inspector);
                        boolean moved = topics != null && topics.size() == JOB_TOPICS.size() && topics.stream().allMatch(t -> t.underReplicated() == t.partitions()
                                && t.offline() == 0 && !t.leaders().contains(STOPPED));
                        return moved ? topics : null;
                    });
            List<BrokerInfo> listed = BrokerInfo.merge(inspector.liveBrokers(), during);
            assertEquals(List.of(1, 2, 3), listed.stream().map(BrokerInfo::id).toList(), listed.toString());
            assertEquals(List.of(true, false, true), listed.stream().map(BrokerInfo::up).toList(), listed.toString());
            System.err.println("[brokers stack] with broker " + STOPPED + " down: " + during);

            loadSucceedsWithTheBrokerDown(stack);

            supervisor.stack().startBroker(STOPPED, event -> { });
            Await.until("every ISR full again", Duration.ofMinutes(2), () -> {
                List<TopicInfo> topics = jobTopics(inspector);
                return topics != null && topics.size() == JOB_TOPICS.size() && topics.stream().noneMatch(TopicInfo::degraded);
            });
            assertTrue(supervisor.stack().state().kafka().up());
        }
    }

    private void loadSucceedsWithTheBrokerDown(TestStack stack) {
        Path file = JobFixtures.randomFile(dir, "broker-down.bin", 3_000_000, 11);
        String name = JobFixtures.uniqueName("brokerdown");
        try (DataServices services = new DataServices(stack.backends());
             Worker worker = new Worker(services, stack.dataFolder(), "local", 1, null, System.err::println);
             KafkaConsumer<String, String> reader = JobFixtures.progressReader(stack.state().kafka().bootstrap())) {
            JobClient client = new JobClient(services.backends().kafkaProperties(), dir);
            JobRequest request = JobFixtures.submitLoad(client, file, name, "8");
            List<ConsumerRecord<String, String>> records = JobFixtures.recordsUntilFinal(reader, request.jobId(),
                    Duration.ofMinutes(3));
            ProgressEvent last = JobFixtures.event(records.get(records.size() - 1));
            assertEquals(JobState.SUCCEEDED, last.state(), last.message());
            assertEquals(3_000_000, last.done());
        }
    }

    /**
     * Kafka creates {@code __consumer_offsets} at the first group lookup, with every replica it is
     * configured for: with a broker already down that creation fails, so the drill (like an
     * operator's cluster) has it before the broker stops.
     */
    private static void createOffsetsTopic(Admin admin) {
        Await.until("__consumer_offsets created", Duration.ofMinutes(1), () -> quietly(() -> admin
                .listConsumerGroupOffsets("ringside-drill-warm-up").partitionsToOffsetAndMetadata()
                .get(20, TimeUnit.SECONDS)) != null);
    }

    private static void assertReplicatedThreeTimes(Admin admin, List<String> topics) {
        // a topic just created may not have reached the broker this admin asks yet
        Map<String, TopicDescription> described = Await.value(topics + " described", Duration.ofMinutes(1),
                () -> quietly(() -> admin.describeTopics(topics).allTopicNames().get(20, TimeUnit.SECONDS)));
        for (TopicDescription description : described.values()) {
            description.partitions().forEach(p -> assertEquals(3, p.replicas().size(), description.toString()));
        }
    }

    private static void assertMinIsrTwo(Admin admin) {
        for (String topic : JOB_TOPICS) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = Await.value(topic + " configs", Duration.ofMinutes(1), () -> quietly(() -> admin
                    .describeConfigs(List.of(resource)).all().get(20, TimeUnit.SECONDS).get(resource)));
            assertEquals("2", config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value(), topic);
        }
    }

    /** The job topics as the Streams page reads them; null while the cluster does not answer (leaders moving). */
    private static List<TopicInfo> jobTopics(StreamsInspector inspector) {
        return quietly(() -> inspector.topics().stream().filter(t -> JOB_TOPICS.contains(t.name())).toList());
    }

    private static <T> T quietly(java.util.concurrent.Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            System.err.println("[brokers stack] not yet: " + e);
            return null;
        }
    }
}
