package io.ringside.core.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringside.core.Json;
import io.ringside.core.connect.Backends;
import io.ringside.core.data.dataset.DatasetKind;
import io.ringside.core.data.dataset.DatasetStore;
import io.ringside.core.stack.PortAllocator;
import io.ringside.testing.AuditEvents;
import io.ringside.testing.CliRun;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestPorts;
import io.ringside.testing.TestStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail: spool first, then Kafka, and nothing lost while Kafka is away. */
@ExtendWith(SharedStack.class)
class AuditLogTest {

    @Test
    void anActionReachesTheAuditTopicWithWhoWhatAndOutcome(TestStack stack, @TempDir Path data) throws Exception {
        String target = "target-" + UUID.randomUUID();
        AuditLog audit = new AuditLog(data, Map.of("bootstrap.servers", stack.state().kafka().bootstrap()), "local");
        assertEquals(0, audit.record("cache.evict", target, 3, "ok"));
        assertEquals(0, audit.spool().size());
        JsonNode event = awaitEvent(stack, e -> target.equals(e.path("target").asText()));
        assertEquals("cache.evict", event.path("action").asText());
        assertEquals(System.getProperty("user.name"), event.path("user").asText());
        assertEquals("local", event.path("profile").asText());
        assertEquals(3, event.path("count").asLong());
        assertEquals("ok", event.path("outcome").asText());
        assertTrue(event.path("ts").isTextual());
    }

    @Test
    void whileKafkaIsAwayEventsWaitInTheSpoolAndAreForwardedLater(TestStack stack, @TempDir Path data) throws Exception {
        int deadPort = PortAllocator.choose(TestPorts.AUDIT_DEAD_KAFKA.ports().kafkaPort(), List.of("127.0.0.1"));
        String target = "spooled-" + UUID.randomUUID();
        AuditLog offline = new AuditLog(data, Map.of("bootstrap.servers", "127.0.0.1:" + deadPort), "local");
        long started = System.nanoTime();
        assertEquals(1, offline.record("dataset.delete", target, 1, "ok"));
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(20), "recording must not hang on a dead broker");
        assertEquals(1, offline.spool().size());

        AuditLog online = new AuditLog(data, Map.of("bootstrap.servers", stack.state().kafka().bootstrap()), "local");
        assertEquals(0, online.flush());
        assertEquals(0, online.spool().size());
        assertEquals("dataset.delete", awaitEvent(stack, e -> target.equals(e.path("target").asText()))
                .path("action").asText());
        PortAllocator.release(deadPort);
    }

    /**
     * A 1.2 MB event (ten 120 KB location names, as a warm-up once wrote) in the spool: Kafka will
     * never take it, so it goes to the dead-letter file with the reason and the next event goes
     * through; a new event of the same size is cut to a bounded one; 'stack status' names the file.
     */
    @Test
    void aRecordKafkaNeverTakesIsDeadLetteredAndHoldsNothingBack(TestStack stack, @TempDir Path data) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            names.add(("location-" + i + "-").repeat(12_000));
        }
        String huge = "pm25 2024-01-01..2024-12-31 " + String.join(" | ", names);
        Spool spool = new Spool(data, Topics.AUDIT);
        spool.append(Json.mapper().writeValueAsString(new AuditEvent(java.time.Instant.now(), "someone", "local",
                "cache.warm", huge, 10, "ok")));

        String target = "after-poison-" + UUID.randomUUID();
        AuditLog audit = new AuditLog(data, Map.of("bootstrap.servers", stack.state().kafka().bootstrap()), "local");
        assertEquals(0, audit.record("dataset.delete", target, 1, "ok"), "the poisoned record must not block the spool");
        assertEquals(1, audit.deadLettered());
        assertEquals(0, audit.spool().size());
        awaitEvent(stack, e -> target.equals(e.path("target").asText()));

        List<String> letters = Files.readAllLines(AuditLog.deadLetters(data).file());
        assertEquals(1, letters.size());
        JsonNode letter = Json.mapper().readTree(letters.get(0));
        assertTrue(letter.path("reason").asText().contains("RecordTooLarge"), letter.path("reason").asText());
        assertEquals(huge, Json.mapper().readTree(letter.path("record").asText()).path("target").asText(),
                "the dead letter keeps the whole event");

        String marker = "bounded-" + UUID.randomUUID();
        assertEquals(0, audit.record("cache.warm", marker + " " + huge, 10, "ok"));
        JsonNode bounded = awaitEvent(stack, e -> e.path("target").asText().startsWith(marker));
        assertTrue(bounded.path("target").asText().length() < 2 * AuditTarget.FIELD_CHARS, "bounded target");
        assertTrue(bounded.path("target").asText().endsWith(" characters)"), bounded.path("target").asText());
        assertEquals(0, audit.deadLettered());

        CliRun status = CliRun.in(data, "stack", "status");
        assertTrue(status.err().contains("audit: 1 record(s) Kafka will never accept, in the dead-letter file "
                + AuditLog.deadLetters(data).file()), status.err());
    }

    @Test
    void targetListsAreCutWithACount() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            names.add("x".repeat(120_000));
        }
        String listed = AuditTarget.list(names, " | ");
        assertTrue(listed.length() < 400, listed.length() + " characters");
        assertTrue(listed.endsWith("(+9 more)"), listed.substring(listed.length() - 40));
        assertEquals("a | b | c", AuditTarget.list(List.of("a", "b", "c"), " | "));
        assertEquals("short", AuditTarget.cut("short", 10));
    }

    @Test
    void concurrentAppendsKeepEveryLineWhole(@TempDir Path data) throws Exception {
        Spool spool = new Spool(data, "ringside.test");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> tasks = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            tasks.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    spool.append("{\"thread\":" + thread + ",\"i\":" + i + ",\"pad\":\"" + "x".repeat(500) + "\"}");
                }
            }));
        }
        for (java.util.concurrent.Future<?> task : tasks) {
            task.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        List<String> lines = Files.readAllLines(spool.file());
        assertEquals(400, lines.size());
        for (String line : lines) {
            assertEquals(500, Json.mapper().readTree(line).path("pad").asText().length());
        }
        assertEquals(150, spool.drain(batch -> 250));
        assertEquals(150, spool.size());
    }

    @Test
    void deletingADatasetFromTheCliIsAudited(TestStack stack, @TempDir Path dir) throws IOException, Exception {
        Path file = dir.resolve("small.bin");
        Files.write(file, new byte[] {1, 2, 3, 4});
        String name = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        try (Backends backends = stack.backends()) {
            new DatasetStore(backends.cql()).load(name, file, DatasetKind.BINARY, p -> { });
        }
        CliRun run = CliRun.of("--data", stack.dataFolder().toString(), "dataset", "delete", name, "--yes");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode event = awaitEvent(stack, e -> name.equals(e.path("target").asText()));
        assertEquals("dataset.delete", event.path("action").asText());
        assertEquals(1, event.path("count").asLong());
        assertEquals("ok", event.path("outcome").asText());
    }

    private static JsonNode awaitEvent(TestStack stack, Predicate<JsonNode> wanted) throws Exception {
        return AuditEvents.await(stack, wanted);
    }
}
