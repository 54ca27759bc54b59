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
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Worker JVMs that fail for real. Killed with SIGKILL in the middle of a dataset load: the next
 * worker takes the request over and continues the same version from its verified chunks, without
 * duplicates, and the stored file is the source byte for byte; killed with no worker left: a
 * cancel ends the job. A worker of small heap fed an endless CSV line ends that job failed.
 */
@ExtendWith(SharedStack.class)
class JobsResumeTest {

    private static final int CHUNKS = 5;
    private static final String MULTISITE_HEADER =
            "\"No\",\"year\",\"month\",\"day\",\"hour\",\"PM2.5\",\"PM10\",\"SO2\",\"NO2\",\"CO\",\"O3\",\"TEMP\","
                    + "\"PRES\",\"DEWP\",\"RAIN\",\"wd\",\"WSPM\",\"station\"";

    @TempDir
    Path dir;

    @Test
    void aLoadOfASigkilledWorkerIsContinuedByTheNextFromItsLastVerifiedChunk(TestStack stack) throws Exception {
        Path file = JobFixtures.randomFile(dir, "five-chunks.bin", ChunkLayout.RAW_SLICE_BYTES * (CHUNKS - 1) + 1_000_000, 11);
        String name = JobFixtures.uniqueName("resume");
        Path log = dir.resolve("worker.log");
        Process first = JobFixtures.startWorkerJvm(stack.dataFolder(), log);
        try (DataServices services = new DataServices(stack.backends());
             KafkaConsumer<String, String> reader = JobFixtures.progressReader(stack.state().kafka().bootstrap())) {
            JobClient client = new JobClient(services.backends().kafkaProperties(), stack.dataFolder());
            JobFixtures.awaitJoined(first, log, client);
            JobRequest request = JobFixtures.submitLoad(client, file, name, "4");

            List<ProgressEvent> events = new ArrayList<>();
            long twoChunks = 2L * ChunkLayout.RAW_SLICE_BYTES;
            JobFixtures.collectUntil(reader, request.jobId(), events, "two chunks verified by the first worker",
                    e -> "write".equals(e.phase()) && e.done() >= twoChunks);
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

    /**
     * Issue 16, item 1: a PM2.5 file whose valid header is followed by 160 MB without a line break,
     * run by a worker JVM of 128 MB heap. Read whole, that line exhausted the heap, the job stayed
     * "running" and its request was committed; now the line is cut at 1 MiB, its row rejected with
     * its line, the job ends failed, and the request is committed once that end is on the topic.
     */
    @Test
    void anOverLongCsvLineEndsTheJobFailedWithItsLineInsteadOfExhaustingTheWorkersHeap(TestStack stack) throws Exception {
        Path csv = dir.resolve("endless.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(csv), 1 << 20)) {
            out.write((MULTISITE_HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[1 << 20];
            Arrays.fill(block, (byte) '7');
            for (int i = 0; i < 160; i++) {
                out.write(block);
            }
        }
        Path log = dir.resolve("small-heap-worker.log");
        Process worker = JobFixtures.startWorkerJvm(stack.dataFolder(), log, "-Xmx128m");
        try (DataServices services = new DataServices(stack.backends());
             KafkaConsumer<String, String> reader = JobFixtures.progressReader(stack.state().kafka().bootstrap());
             Admin admin = stack.kafkaAdmin()) {
            JobClient client = new JobClient(services.backends().kafkaProperties(), stack.dataFolder());
            JobFixtures.awaitJoined(worker, log, client);
            JobRequest request = client.request(JobKind.LOAD_PM25, List.of(csv.toString()), Map.of());
            client.submit(request);

            List<ProgressEvent> events = JobFixtures.recordsUntilFinal(reader, request.jobId(), Duration.ofSeconds(90))
                    .stream().map(JobFixtures::event).toList();
            ProgressEvent last = events.get(events.size() - 1);
            assertEquals(JobState.FAILED, last.state(), last.message());
            assertTrue(last.rejected().stream().anyMatch(r -> r.startsWith(csv + ":2: line longer than 1,048,576 characters")),
                    last.rejected() + " " + last.message());
            Await.until("the request to be committed after the final event", Duration.ofSeconds(30), () -> {
                long[] committedAndEnd = JobFixtures.committedAndEnd(admin, request.jobId());
                return committedAndEnd[0] == committedAndEnd[1];
            });
            assertTrue(worker.isAlive(), "the worker goes on: " + JobFixtures.read(log));
        } finally {
            worker.destroyForcibly();
        }
    }

    /**
     * Issue 16, item 1: the worker JVM of a running load is killed and no worker is left. A cancel
     * used to say "requested" and change nothing; now it ends the job with a final
     * {@code cancelled} event and says so, and a worker started later finds that end on record,
     * commits the request and does not run the job.
     */
    @Test
    void cancelEndsAJobWhoseWorkerWasKilledAndALaterWorkerDoesNotRunIt(TestStack stack) throws Exception {
        Path file = JobFixtures.randomFile(dir, "orphan.bin", 12_000_000, 5);
        String name = JobFixtures.uniqueName("orphan");
        Path log = dir.resolve("killed-worker.log");
        Process worker = JobFixtures.startWorkerJvm(stack.dataFolder(), log);
        try (DataServices services = new DataServices(stack.backends());
             KafkaConsumer<String, String> reader = JobFixtures.progressReader(stack.state().kafka().bootstrap());
             Admin admin = stack.kafkaAdmin()) {
            JobClient client = new JobClient(services.backends().kafkaProperties(), stack.dataFolder());
            JobFixtures.awaitJoined(worker, log, client);
            JobRequest request = JobFixtures.submitLoad(client, file, name, "1");
            List<ProgressEvent> events = new ArrayList<>();
            JobFixtures.collectUntil(reader, request.jobId(), events, "the load to write",
                    e -> "write".equals(e.phase()) && e.done() > 0);
            worker.destroyForcibly();
            assertTrue(worker.waitFor(30, TimeUnit.SECONDS));

            CancelOutcome outcome = client.cancel(request.jobId());
            assertTrue(outcome.endedHere(), "the cancel ended the job itself: " + outcome);
            JobFixtures.recordsUntilFinal(reader, request.jobId(), Duration.ofSeconds(30))
                    .forEach(r -> events.add(JobFixtures.event(r)));
            ProgressEvent end = events.get(events.size() - 1);
            assertEquals(JobState.CANCELLED, end.state(), end.toString());
            assertTrue(end.message().contains("no worker was running it"), end.message());
            assertEquals(events.get(events.size() - 2).seq() + 1, end.seq(), "seq goes on: " + events);

            List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (Worker later = new Worker(services, stack.dataFolder(), "local", 1, null, lines::add)) {
                Await.until("the later worker to commit the ended job's request", Duration.ofMinutes(1), () -> {
                    long[] committedAndEnd = JobFixtures.committedAndEnd(admin, request.jobId());
                    return committedAndEnd[0] == committedAndEnd[1];
                });
                assertEquals(0, later.jobsFinished(), lines.toString());
            }
            assertTrue(lines.stream().anyMatch(l -> l.contains(request.jobId() + " already ended (cancelled)")), lines.toString());
            List<ProgressEvent> all = JobHistory.eventsOf(services.backends().kafkaProperties(), request.jobId(),
                    request.requestedAt().minus(Duration.ofMinutes(1)));
            assertEquals(1, all.stream().filter(ProgressEvent::terminal).count(), "one final event: " + all);
            assertEquals(1, services.datasetStore().versions(name).size(), "not loaded again");
            services.deleteDataset(name, null);
        } finally {
            worker.destroyForcibly();
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

}
