package io.ringside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringside.core.connect.ProfileStore;
import io.ringside.core.connect.Profiles;
import io.ringside.core.data.DataServices;
import io.ringside.core.data.dataset.DatasetManifest;
import io.ringside.core.data.dataset.DatasetStatus;
import io.ringside.core.jobs.JobClient;
import io.ringside.core.jobs.JobState;
import io.ringside.core.jobs.ProgressEvent;
import io.ringside.core.jobs.Worker;
import io.ringside.testing.AuditEvents;
import io.ringside.testing.Await;
import io.ringside.testing.CliRun;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code load --no-wait}, {@code jobs watch|list|cancel} as a script sees them, with a worker running. */
@ExtendWith(SharedStack.class)
class JobsCliTest {

    @TempDir
    Path dir;

    private static CliRun run(TestStack stack, String... args) {
        return CliRun.in(stack.dataFolder(), args);
    }

    private Path randomFile(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    private static UUID lastLineId(CliRun run) {
        List<String> lines = run.out().lines().toList();
        return UUID.fromString(lines.get(lines.size() - 1).strip());
    }

    /** Submits a load of {@code file} at 2 MB/s and returns its id once it writes. */
    private static UUID startSlowLoad(TestStack stack, JobClient client, String name, Path file) {
        CliRun submit = run(stack, "load", "dataset", name, file.toString(), "--rate", "2", "--no-wait");
        assertEquals(0, submit.exitCode(), submit.err());
        UUID id = lastLineId(submit);
        Await.until("the load to write", Duration.ofMinutes(2), () -> client.latest(id)
                .filter(e -> "write".equals(e.phase()) && e.done() > 0).isPresent());
        return id;
    }

    @Test
    void noWaitPrintsTheJobIdLastAndWatchFollowsItToTheEndEvenAfterwards(TestStack stack) throws IOException {
        String name = "nowait-" + Long.toString(System.nanoTime(), 36);
        Path file = randomFile("small.bin", 300_000);
        try (DataServices services = new DataServices(stack.backends());
             Worker worker = new Worker(services, stack.dataFolder(), "local", 1, null, line -> { })) {
            CliRun submit = run(stack, "load", "dataset", name, file.toString(), "--no-wait");
            assertEquals(0, submit.exitCode(), submit.err());
            UUID id = lastLineId(submit);

            CliRun watch = run(stack, "jobs", "watch", id.toString(), "--timeout", "120");
            assertEquals(0, watch.exitCode(), watch.err());
            assertTrue(watch.err().contains("100%"), watch.err());
            assertTrue(watch.out().lines().anyMatch(l -> l.matches("stored " + name
                    + " version 1: binary, 300\\.0 kB in 1 chunk, sha256 [0-9a-f]{64}")), "a size in words, the whole sha-256: "
                    + watch.out());

            CliRun again = run(stack, "jobs", "watch", id.toString());
            assertEquals(0, again.exitCode(), "a job that already ended is watched to the same end: " + again.err());

            CliRun list = run(stack, "jobs", "list");
            assertEquals(0, list.exitCode(), list.err());
            assertTrue(list.out().lines().anyMatch(l -> l.startsWith(id + "\tload-dataset\tsucceeded\t100%")), list.out());
            services.deleteDataset(name, null);
        }
    }

    @Test
    void cancelStopsALoadAtTheNextChunkWatchExitsFourAndTheVersionIsCancelled(TestStack stack) throws IOException {
        String name = "cancel-" + Long.toString(System.nanoTime(), 36);
        Path file = randomFile("slow.bin", 30_000_000);
        try (DataServices services = new DataServices(stack.backends());
             Worker worker = new Worker(services, stack.dataFolder(), "local", 1, null, line -> { })) {
            JobClient client = new JobClient(services.backends().kafkaProperties(), stack.dataFolder());
            UUID id = startSlowLoad(stack, client, name, file);

            CliRun cancel = run(stack, "jobs", "cancel", id.toString());
            assertEquals(0, cancel.exitCode(), cancel.err());
            assertTrue(cancel.out().contains("cancel requested for job " + id), cancel.out());

            CliRun watch = run(stack, "jobs", "watch", id.toString(), "--timeout", "120");
            assertEquals(4, watch.exitCode(), watch.err());
            ProgressEvent end = client.latest(id).orElseThrow();
            assertEquals(JobState.CANCELLED, end.state());
            assertTrue(end.done() < 30_000_000, "stopped before the end: " + end);
            DatasetManifest manifest = services.datasetStore().versionOfJob(name, id.toString()).orElseThrow();
            assertEquals(DatasetStatus.CANCELLED, manifest.status());

            CliRun late = run(stack, "jobs", "cancel", id.toString());
            assertEquals(0, late.exitCode(), late.err());
            assertTrue(late.err().contains("already ended: cancelled"), late.err());
            services.deleteDataset(name, null);
        }
    }

    /**
     * With a worker of a writable profile running, a read-only profile can neither load (dataset or
     * PM2.5) nor cancel: each command refuses before it publishes, nothing is written, the running
     * job goes on, and each refusal is in the audit trail under the read-only profile.
     */
    @Test
    void aReadOnlyProfileCanNeitherLoadNorCancelThroughAWorker(TestStack stack) throws Exception {
        String readOnly = "ro-" + Long.toString(System.nanoTime(), 36);
        new ProfileStore(stack.dataFolder()).save(Profiles.of(readOnly, stack.state(), true));
        String name = "ro-load-" + Long.toString(System.nanoTime(), 36);
        Path small = randomFile("ro-small.bin", 100_000);
        Path slow = randomFile("ro-slow.bin", 30_000_000);
        String other = "ro-other-" + Long.toString(System.nanoTime(), 36);
        try (DataServices services = new DataServices(stack.backends());
             Worker worker = new Worker(services, stack.dataFolder(), "local", 1, null, line -> { })) {
            CliRun load = run(stack, "--profile", readOnly, "load", "dataset", name, small.toString());
            assertEquals(1, load.exitCode(), load.out() + load.err());
            assertTrue(load.err().contains("Refused to start a load-dataset job: profile '" + readOnly + "' is read-only"),
                    load.err());
            CliRun pm25 = run(stack, "--profile", readOnly, "load", "pm25", "--sample");
            assertEquals(1, pm25.exitCode(), pm25.out() + pm25.err());
            assertTrue(pm25.err().contains("Refused to start a load-pm25 job"), pm25.err());

            JobClient client = new JobClient(services.backends().kafkaProperties(), stack.dataFolder());
            UUID id = startSlowLoad(stack, client, other, slow);
            CliRun cancel = run(stack, "--profile", readOnly, "jobs", "cancel", id.toString());
            assertEquals(1, cancel.exitCode(), cancel.out() + cancel.err());
            assertTrue(cancel.err().contains("Refused to cancel job " + id), cancel.err());
            long before = client.latest(id).orElseThrow().done();
            Await.until("the load to go on after the refused cancel", Duration.ofSeconds(30), () -> client.latest(id)
                    .filter(e -> e.state() == JobState.RUNNING && e.done() > before).isPresent());

            assertTrue(services.datasetStore().versions(name).isEmpty(), "the refused load stored nothing");
            JsonNode refusedLoad = AuditEvents.await(stack, e -> "job.submit".equals(e.path("action").asText())
                    && readOnly.equals(e.path("profile").asText()) && e.path("target").asText().contains(small.toString()));
            assertTrue(refusedLoad.path("outcome").asText().startsWith("refused: "), refusedLoad.toString());
            JsonNode refusedCancel = AuditEvents.await(stack, e -> "job.cancel".equals(e.path("action").asText())
                    && readOnly.equals(e.path("profile").asText()) && id.toString().equals(e.path("target").asText()));
            assertTrue(refusedCancel.path("outcome").asText().startsWith("refused: "), refusedCancel.toString());
            JsonNode submitted = AuditEvents.await(stack, e -> "job.submit".equals(e.path("action").asText())
                    && e.path("target").asText().contains(id.toString()));
            assertEquals("local", submitted.path("profile").asText());
            assertEquals("ok", submitted.path("outcome").asText());

            assertEquals(0, run(stack, "jobs", "cancel", id.toString()).exitCode());
            Await.until("the load to be cancelled", Duration.ofMinutes(1), () -> client.latest(id)
                    .filter(e -> e.state() == JobState.CANCELLED).isPresent());
            services.deleteDataset(other, null);
        } finally {
            new ProfileStore(stack.dataFolder()).delete(readOnly);
        }
    }

    @Test
    void unknownJobsAreNotFound(TestStack stack) {
        UUID nobody = UUID.randomUUID();
        CliRun watch = run(stack, "jobs", "watch", nobody.toString(), "--timeout", "30");
        assertEquals(5, watch.exitCode(), watch.err());
        CliRun cancel = run(stack, "jobs", "cancel", nobody.toString());
        assertEquals(5, cancel.exitCode(), cancel.err());
        assertTrue(cancel.err().contains("No job " + nobody), cancel.err());
        assertEquals(2, run(stack, "jobs", "watch", "not-a-uuid").exitCode());
        for (String[] help : new String[][] {{"jobs", "list", "--help"}, {"jobs", "watch", "--help"},
            {"jobs", "cancel", "--help"}, {"worker", "--help"}}) {
            assertEquals(0, CliRun.of(help).exitCode(), String.join(" ", help));
        }
    }
}
