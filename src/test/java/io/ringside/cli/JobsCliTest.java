package io.ringside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.data.DataServices;
import io.ringside.core.data.dataset.DatasetManifest;
import io.ringside.core.data.dataset.DatasetStatus;
import io.ringside.core.jobs.JobClient;
import io.ringside.core.jobs.JobState;
import io.ringside.core.jobs.ProgressEvent;
import io.ringside.core.jobs.Worker;
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
            assertTrue(watch.out().contains("stored " + name + " version 1"), watch.out());

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
            CliRun submit = run(stack, "load", "dataset", name, file.toString(), "--rate", "2", "--no-wait");
            assertEquals(0, submit.exitCode(), submit.err());
            UUID id = lastLineId(submit);
            JobClient client = new JobClient(services.backends().kafkaProperties(), stack.dataFolder());
            Await.until("the load to write", Duration.ofMinutes(2), () -> client.latest(id)
                    .filter(e -> "write".equals(e.phase()) && e.done() > 0).isPresent());

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
