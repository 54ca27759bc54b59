package io.ringside.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringside.core.Json;
import io.ringside.core.connect.ReadOnlyProfileException;
import io.ringside.core.data.DataServices;
import io.ringside.core.data.dataset.DatasetManifest;
import io.ringside.core.data.dataset.VerifyResult;
import io.ringside.core.kafka.Topics;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A dataset load submitted as a job, run by a worker, and seen on the progress topic by a plain consumer. */
@ExtendWith(SharedStack.class)
class JobsEndToEndTest {

    @TempDir
    Path dir;

    private final List<ProgressEvent> fed = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    void aDatasetLoadReportsIncreasingProgressAndEndsSucceededWithAVerifiedDataset(TestStack stack) {
        Path file = JobFixtures.randomFile(dir, "three-chunks.bin", 12_000_000, 7);
        String name = JobFixtures.uniqueName("e2e");
        try (DataServices services = new DataServices(stack.backends());
             Worker worker = new Worker(services, stack.dataFolder(), "local", 1, null, System.err::println);
             KafkaConsumer<String, String> reader = JobFixtures.progressReader(stack.state().kafka().bootstrap());
             ProgressFeed feed = new ProgressFeed(services.backends().kafkaProperties(),
                     java.time.Instant.now().minus(Duration.ofMinutes(1)), fed::add)) {
            JobClient client = new JobClient(services.backends().kafkaProperties(), stack.dataFolder());
            JobRequest request = client.request(JobKind.LOAD_DATASET, List.of(file.toString()),
                    Map.of(JobOptions.NAME, name, JobOptions.RATE_MBPS, "4"));
            client.submit(request);

            List<ConsumerRecord<String, String>> records = JobFixtures.recordsUntilFinal(reader, request.jobId(),
                    Duration.ofMinutes(3));
            List<ProgressEvent> events = records.stream().map(JobFixtures::event).toList();

            assertEquals(JobState.QUEUED, events.get(0).state(), events.toString());
            ProgressEvent last = events.get(events.size() - 1);
            assertEquals(JobState.SUCCEEDED, last.state(), last.message());
            assertEquals(12_000_000, last.done());
            assertEquals(12_000_000, last.total());
            for (int i = 1; i < events.size(); i++) {
                assertEquals(events.get(i - 1).seq() + 1, events.get(i).seq(), "seq grows by one: " + events);
                assertTrue(events.get(i).done() >= events.get(i - 1).done(), "done never goes back: " + events);
            }
            assertTrue(events.stream().anyMatch(e -> e.state() == JobState.RUNNING && "write".equals(e.phase())
                    && e.done() > 0 && e.done() < e.total() && e.etaS() != null), "progress while it runs: " + events);
            assertTrue(events.stream().allMatch(e -> e.jobId().equals(request.jobId()) && e.kind() == JobKind.LOAD_DATASET
                    && e.source().equals(List.of(file.toString())) && e.requestedBy().equals(request.requestedBy())));
            assertNotNull(last.p99Ms(), "the chunk writes were timed");
            assertTrue(last.p50Ms() > 0 && last.p99Ms() >= last.p50Ms(), last.toString());

            JsonNode raw = readTree(records.get(records.size() - 2).value());
            for (String field : List.of("job_id", "seq", "ts", "kind", "source", "requested_by", "state", "phase", "unit",
                    "done", "total", "rate_per_s", "eta_s", "errors", "rejected", "p50_ms", "p99_ms", "message")) {
                assertTrue(raw.has(field), field + " missing in " + raw);
            }
            assertEquals("bytes", raw.path("unit").asText());
            assertEquals("load-dataset", raw.path("kind").asText());

            DatasetManifest manifest = services.datasetStore().versionOfJob(name, request.jobId().toString()).orElseThrow();
            assertTrue(manifest.complete());
            assertEquals(3, manifest.chunkCount());
            VerifyResult verify = services.datasetStore().verify(name, manifest.version());
            assertTrue(verify.ok(), verify.toString());
            assertEquals(JobFixtures.sha256(file), verify.sha256());
            assertTrue(worker.jobsFinished() >= 1);
            io.ringside.testing.Await.until("the feed to deliver the final event", Duration.ofSeconds(30), () -> fed.stream()
                    .anyMatch(e -> e.jobId().equals(request.jobId()) && e.state() == JobState.SUCCEEDED));
            services.deleteDataset(name, null);
        }
    }

    @Test
    void theBuiltInSampleOfUnknownSizeEndsCountedInRows(TestStack stack) {
        try (DataServices services = new DataServices(stack.backends())) {
            JobClient client = new JobClient(services.backends().kafkaProperties(), stack.dataFolder());
            JobRequest request = client.request(JobKind.LOAD_PM25, List.of(), Map.of(JobOptions.SAMPLE, "true"));

            ProgressEvent last = InProcessJob.run(services, stack.dataFolder(), "local", request, e -> { });

            assertEquals(JobState.SUCCEEDED, last.state(), last.message());
            assertEquals(JobUnit.ROWS, last.unit(), last.toString());
            assertTrue(last.done() > 0 && last.done() == last.total(), last.toString());
        }
    }

    /**
     * A read-only profile's request that reached the topic anyway (an older client, a script) is
     * refused by a worker whose own profile may write: a final failed event says why, nothing is
     * stored. The client itself refuses such a request before publishing anything.
     */
    @Test
    void aWorkerRefusesAReadOnlyProfilesRequestAndTheClientNeverPublishesOne(TestStack stack) throws Exception {
        Path file = JobFixtures.randomFile(dir, "refused.bin", 100_000, 11);
        String name = JobFixtures.uniqueName("ro-job");
        try (DataServices services = new DataServices(stack.backends());
             Worker worker = new Worker(services, stack.dataFolder(), "local", 1, null, System.err::println);
             KafkaConsumer<String, String> reader = JobFixtures.progressReader(stack.state().kafka().bootstrap())) {
            JobClient client = new JobClient(services.backends().kafkaProperties(), stack.dataFolder());
            JobRequest refusedHere = client.request(JobKind.LOAD_DATASET, List.of(file.toString()),
                    Map.of(JobOptions.NAME, name), "watch-only", true);
            ReadOnlyProfileException refusal = assertThrows(ReadOnlyProfileException.class,
                    () -> client.submit(refusedHere));
            assertTrue(refusal.getMessage().contains("'watch-only' is read-only"), refusal.getMessage());

            JobRequest request = client.request(JobKind.LOAD_DATASET, List.of(file.toString()),
                    Map.of(JobOptions.NAME, name), "watch-only", true);
            try (KafkaProducer<String, String> producer = KafkaClients.producer(services.backends().kafkaProperties())) {
                String key = request.jobId().toString();
                producer.send(new ProducerRecord<>(Topics.JOB_REQUESTS, key, JobClient.encode(request))).get();
                producer.send(new ProducerRecord<>(Topics.JOB_PROGRESS, key,
                        JobClient.encode(ProgressEvent.queued(request, java.time.Instant.now())))).get();
            }

            List<ConsumerRecord<String, String>> records = JobFixtures.recordsUntilFinal(reader, request.jobId(),
                    Duration.ofMinutes(2));
            ProgressEvent last = JobFixtures.event(records.get(records.size() - 1));
            assertEquals(JobState.FAILED, last.state(), last.toString());
            assertTrue(last.message().contains("Refused to run a load-dataset job: profile 'watch-only' is read-only"),
                    last.message());
            assertTrue(services.datasetStore().versions(name).isEmpty(), "nothing stored for a refused job");
            assertTrue(client.latest(refusedHere.jobId()).isEmpty(), "the client published nothing of its refusal");
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
