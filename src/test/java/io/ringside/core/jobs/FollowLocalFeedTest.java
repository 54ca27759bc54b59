package io.ringside.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringside.testing.TempFolders;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No servers (Kafka's address answers nothing): a command that follows its own worker's job once
 * Kafka is gone hears the job's end even when the worker published it before the follow began.
 * The command's standby worker starts a job while Kafka is up, the first follow gives up on the
 * feed, and only then does the second follow listen to the worker: an end published in between
 * was never heard, and the command waited forever.
 */
class FollowLocalFeedTest {

    private static final Map<String, Object> NO_KAFKA = Map.of("bootstrap.servers", "127.0.0.1:1");

    private final Path data = TempFolders.create("ringside-follow-local");

    @AfterEach
    void clean() {
        TempFolders.deleteQuietly(data);
    }

    @Test
    void anEndPublishedBeforeTheFollowBeganEndsIt() {
        UUID job = UUID.randomUUID();
        ProgressEvent end = new ProgressEvent(job, 7, Instant.now(), JobKind.EXPORT_TABLE, List.of("aqdata.pm25"), "test",
                JobState.SUCCEEDED, "done", JobUnit.ROWS, 10, 10, null, null, 0, List.of(), null, null, "exported");
        try (ProgressPublisher worker = new ProgressPublisher(NO_KAFKA, data, true)) {
            worker.publish(end);

            FollowResult result = new JobClient(NO_KAFKA, data).follow(job, Duration.ofSeconds(20), worker, e -> { }, () -> { });

            assertEquals(FollowResult.Outcome.FINISHED, result.outcome());
            assertEquals(end, result.last());
        }
    }
}
