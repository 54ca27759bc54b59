package io.ringside.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.data.DataServices;
import io.ringside.core.data.dataset.DatasetManifest;
import io.ringside.testing.Await;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Two workers in the group share six jobs, one per request partition, and each job runs once. */
@ExtendWith(SharedStack.class)
class JobsTwoWorkersTest {

    @TempDir
    Path dir;

    @Test
    void twoWorkersShareSeveralJobsAndEachJobRunsOnce(TestStack stack) {
        try (DataServices services = new DataServices(stack.backends());
             Worker one = new Worker(services, stack.dataFolder(), "local", 1, null, line -> { });
             Worker two = new Worker(services, stack.dataFolder(), "local", 1, null, line -> { })) {
            Await.until("both workers to hold three request partitions", Duration.ofMinutes(1),
                    () -> one.assignment().size() == 3 && two.assignment().size() == 3);
            JobClient client = new JobClient(services.backends().kafkaProperties(), stack.dataFolder());
            List<JobRequest> requests = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (UUID id : onePerPartition()) {
                String name = JobFixtures.uniqueName("shared");
                Path file = JobFixtures.randomFile(dir, name + ".bin", 1_500_000, id.getLeastSignificantBits());
                JobRequest request = new JobRequest(id, JobKind.LOAD_DATASET, List.of(file.toString()),
                        Map.of(JobOptions.NAME, name, JobOptions.RATE_MBPS, "1"), JobClient.currentUser(), Instant.now());
                client.submit(request);
                requests.add(request);
                names.add(name);
            }
            for (JobRequest request : requests) {
                FollowResult result = client.follow(request.jobId(), Duration.ofMinutes(3), null, e -> { }, () -> { });
                assertEquals(FollowResult.Outcome.FINISHED, result.outcome(), request.jobId() + " " + result);
                assertEquals(JobState.SUCCEEDED, result.state(), result.last().message());
            }
            assertEquals(6, one.jobsFinished() + two.jobsFinished());
            assertTrue(one.jobsFinished() >= 1 && two.jobsFinished() >= 1,
                    "both worked: " + one.jobsFinished() + " and " + two.jobsFinished());
            for (int i = 0; i < names.size(); i++) {
                List<DatasetManifest> versions = services.datasetStore().versions(names.get(i));
                assertEquals(1, versions.size(), "one run, one version: " + versions);
                assertTrue(versions.get(0).complete());
                assertEquals(requests.get(i).jobId().toString(), versions.get(0).meta().get(DatasetManifest.META_JOB_ID));
                services.deleteDataset(names.get(i), null);
            }
        }
    }

    /** Job ids whose records land on each of the six partitions, so both workers get jobs. */
    private static List<UUID> onePerPartition() {
        List<UUID> ids = new ArrayList<>();
        Set<Integer> covered = new HashSet<>();
        while (covered.size() < JobTopics.PARTITIONS) {
            UUID id = UUID.randomUUID();
            if (covered.add(JobTopics.partitionOf(id, JobTopics.PARTITIONS))) {
                ids.add(id);
            }
        }
        return ids;
    }
}
