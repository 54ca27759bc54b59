package io.ringside.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.Json;
import io.ringside.core.kafka.Spool;
import io.ringside.core.kafka.Topics;
import io.ringside.core.stack.LocalStack;
import io.ringside.core.stack.StackState;
import io.ringside.core.stack.StackSupervisor;
import io.ringside.testing.CliRun;
import io.ringside.testing.TempFolders;
import io.ringside.testing.TestPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka stopped (a drill on a stack of the test's own): a load still completes in the CLI's own
 * process, watchers say the progress feed is offline instead of hanging, and the spooled events,
 * the final one included, reach the progress topic once Kafka is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobsKafkaDownTest {

    private Path data;
    private StackSupervisor supervisor;

    @TempDir
    Path dir;

    @BeforeAll
    void startAStackOfItsOwn() throws IOException {
        data = Files.createTempDirectory("ringside-kafka-down-");
        supervisor = new StackSupervisor(new LocalStack(TestPorts.KAFKA_DOWN_STACK.stack(data)));
        supervisor.start(event -> System.err.println("[kafka-down stack] " + event.describe()));
    }

    @AfterAll
    void stopIt() {
        if (supervisor != null) {
            supervisor.close();
        }
        TempFolders.deleteQuietly(data);
    }

    @Test
    void aLoadWithKafkaDownCompletesAndItsFinalEventArrivesWhenKafkaIsBack() throws Exception {
        Path file = JobFixtures.randomFile(dir, "offline.bin", 6_000_000, 3);
        String name = JobFixtures.uniqueName("offline");
        supervisor.stack().stopServer("kafka", event -> { });

        long started = System.nanoTime();
        CliRun load = CliRun.of("--data", data.toString(), "load", "dataset", name, file.toString());
        assertEquals(0, load.exitCode(), load.err());
        assertTrue(load.err().contains("progress feed offline"), load.err());
        assertTrue(load.out().startsWith(name + "\t1\tbinary\t2 chunks\t6000000 bytes\tsha256 "
                + JobFixtures.sha256(file)), load.out());
        UUID jobId = UUID.fromString(load.err().replaceAll("(?s).*running job ([0-9a-f-]{36}).*", "$1"));

        Spool spool = new Spool(data, Topics.JOB_PROGRESS);
        List<ProgressEvent> spooled = Files.readAllLines(spool.file()).stream().map(JobsKafkaDownTest::decode)
                .filter(e -> e.jobId().equals(jobId)).toList();
        assertEquals(JobState.SUCCEEDED, spooled.get(spooled.size() - 1).state(), spooled.toString());

        CliRun watch = CliRun.of("--data", data.toString(), "jobs", "watch", jobId.toString(), "--timeout", "120");
        assertEquals(3, watch.exitCode(), watch.err());
        assertTrue(watch.err().contains("progress feed is offline"), watch.err());
        CliRun list = CliRun.of("--data", data.toString(), "jobs", "list");
        assertEquals(3, list.exitCode(), list.err());
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(90).toNanos(), "nothing hung on the dead broker");

        supervisor.stack().startServer("kafka", event -> { });
        CliRun back = CliRun.of("--data", data.toString(), "jobs", "list");
        assertEquals(0, back.exitCode(), back.err());
        assertTrue(back.out().lines().anyMatch(l -> l.startsWith(jobId + "\tload-dataset\tsucceeded")), back.out());
        assertEquals(0, spool.size(), "the spool was forwarded");

        StackState state = supervisor.stack().state();
        try (KafkaConsumer<String, String> reader = JobFixtures.progressReader(state.kafka().bootstrap())) {
            List<ConsumerRecord<String, String>> records = JobFixtures.recordsUntilFinal(reader, jobId, Duration.ofMinutes(1));
            List<ProgressEvent> events = records.stream().map(JobFixtures::event).toList();
            assertEquals(JobState.QUEUED, events.get(0).state());
            assertEquals(JobState.SUCCEEDED, events.get(events.size() - 1).state());
            assertEquals(spooled.size(), events.size(), "every spooled event arrived, once");
        }
        CliRun watchAgain = CliRun.of("--data", data.toString(), "jobs", "watch", jobId.toString());
        assertEquals(0, watchAgain.exitCode(), watchAgain.err());
    }

    private static ProgressEvent decode(String line) {
        try {
            return Json.mapper().readValue(line, ProgressEvent.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
