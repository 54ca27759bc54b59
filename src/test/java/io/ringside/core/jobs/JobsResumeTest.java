package io.ringside.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.ringside.core.data.DataServices;
import io.ringside.core.data.dataset.ChunkLayout;
import io.ringside.core.data.dataset.DatasetManifest;
import io.ringside.core.data.dataset.ExportResult;
import io.ringside.core.data.dataset.ProgressListener;
import io.ringside.testing.Await;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker JVM killed with SIGKILL in the middle of a dataset load: the next worker takes the
 * request over and continues the same version from its verified chunks, without duplicates,
 * and the stored file is the source byte for byte.
 */
@ExtendWith(SharedStack.class)
class JobsResumeTest {

    private static final int CHUNKS = 5;

    @TempDir
    Path dir;

    @Test
    void aLoadOfASigkilledWorkerIsContinuedByTheNextFromItsLastVerifiedChunk(TestStack stack) throws Exception {
        Path file = JobFixtures.randomFile(dir, "five-chunks.bin", ChunkLayout.RAW_SLICE_BYTES * (CHUNKS - 1) + 1_000_000, 11);
        String name = JobFixtures.uniqueName("resume");
        Path log = dir.resolve("worker.log");
        Process first = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.ringside.Main", "--data", stack.dataFolder().toString(),
                "worker").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (DataServices services = new DataServices(stack.backends());
             KafkaConsumer<String, String> reader = JobFixtures.progressReader(stack.state().kafka().bootstrap())) {
            JobClient client = new JobClient(services.backends().kafkaProperties(), stack.dataFolder());
            Await.until("the worker JVM to join the group", Duration.ofMinutes(2), () -> {
                if (!first.isAlive()) {
                    throw new AssertionError("the worker exited early: " + read(log));
                }
                return client.workerAlive();
            });
            JobRequest request = client.request(JobKind.LOAD_DATASET, List.of(file.toString()),
                    Map.of(JobOptions.NAME, name, JobOptions.RATE_MBPS, "4"));
            client.submit(request);

            List<ProgressEvent> events = new ArrayList<>();
            long twoChunks = 2L * ChunkLayout.RAW_SLICE_BYTES;
            Await.until("two chunks verified by the first worker", Duration.ofMinutes(2), () -> {
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(100))) {
                    if (request.jobId().toString().equals(record.key())) {
                        events.add(JobFixtures.event(record));
                    }
                }
                if (events.stream().anyMatch(ProgressEvent::terminal)) {
                    throw new AssertionError("the load ended before the kill: " + events);
                }
                return events.stream().anyMatch(e -> "write".equals(e.phase()) && e.done() >= twoChunks);
            });
            first.destroyForcibly();
            assertTrue(first.waitFor(30, TimeUnit.SECONDS));
            DatasetManifest unfinished = services.datasetStore().versionOfJob(name, request.jobId().toString()).orElseThrow();
            assertEquals("loading", unfinished.status().label(), "the killed load left its version loading");

            try (Worker second = new Worker(services, stack.dataFolder(), "local", 1, null, System.err::println)) {
                List<ConsumerRecord<String, String>> rest = JobFixtures.recordsUntilFinal(reader, request.jobId(),
                        Duration.ofMinutes(3));
                rest.forEach(r -> events.add(JobFixtures.event(r)));
            }
            ProgressEvent last = events.get(events.size() - 1);
            assertEquals(JobState.SUCCEEDED, last.state(), last.message());
            assertTrue(last.message().contains("kept from an earlier run"), last.message());
            for (int i = 1; i < events.size(); i++) {
                assertTrue(events.get(i).seq() > events.get(i - 1).seq(), "seq keeps growing across workers: " + events);
            }

            List<DatasetManifest> versions = services.datasetStore().versions(name);
            assertEquals(1, versions.size(), "the second worker continued the same version: " + versions);
            DatasetManifest done = versions.get(0);
            assertTrue(done.complete());
            assertEquals(unfinished.version(), done.version());
            assertEquals(CHUNKS, done.chunkCount());
            int kept = Integer.parseInt(done.meta().get(DatasetManifest.META_RESUMED));
            assertTrue(kept >= 2 && kept < CHUNKS, "chunks kept from the first run: " + kept);
            assertEquals(List.of(0, 1, 2, 3, 4), storedSeqs(stack, name, done.version()), "one row per chunk");

            ExportResult export = services.datasetStore().export(name, done.version(), dir.resolve("back.bin"),
                    ProgressListener.NONE);
            assertEquals(JobFixtures.sha256(file), export.sha256());
            assertEquals(JobFixtures.sha256(file), JobFixtures.sha256(dir.resolve("back.bin")));
            services.deleteDataset(name, null);
        } finally {
            first.destroyForcibly();
        }
    }

    private static List<Integer> storedSeqs(TestStack stack, String name, int version) {
        List<Integer> seqs = new ArrayList<>();
        try (CqlSession session = stack.cql()) {
            for (Row row : session.execute("SELECT seq FROM datasets.dataset_chunk WHERE name = ? AND version = ? "
                    + "AND bucket = 0", name, version)) {
                seqs.add(row.getInt("seq"));
            }
        }
        return seqs;
    }

    private static String read(Path log) {
        try {
            return java.nio.file.Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
