package io.ringside.core.jobs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker commits a job's request only once the job's final event is on the progress topic. When
 * its publisher says Kafka acknowledged everything it published, the worker takes that as the
 * event being there instead of reading it back (a consumer of its own, which a command's exit
 * waited for); this holds only if "all delivered" is never said of an event that is not there.
 */
@ExtendWith(SharedStack.class)
class PublisherDeliveryTest {

    @TempDir
    Path dir;

    @Test
    void aFinalEventSaidDeliveredIsOnTheTopic(TestStack stack) {
        Map<String, Object> kafka = Map.of("bootstrap.servers", stack.state().kafka().bootstrap());
        JobTopics.ensure(kafka, Duration.ofSeconds(10));
        UUID job = UUID.randomUUID();
        try (ProgressPublisher publisher = new ProgressPublisher(kafka, dir, false)) {
            publisher.publish(end(job));
            assertTrue(publisher.awaitIdle(Duration.ofSeconds(20)), "sent within 20 s");
            assertTrue(publisher.allDelivered(), "acknowledged, nothing spooled");
            assertTrue(JobHistory.eventsOf(kafka, job, Instant.now().minus(Duration.ofHours(1))).stream()
                    .anyMatch(ProgressEvent::terminal), "the final event read back from the topic");
        }
    }

    @Test
    void anEventKeptInTheSpoolIsNotSaidDelivered() {
        try (ProgressPublisher publisher = new ProgressPublisher(Map.of("bootstrap.servers", "127.0.0.1:1"), dir,
                true)) {
            publisher.publish(end(UUID.randomUUID()));
            assertTrue(publisher.awaitIdle(Duration.ofSeconds(20)), "spooled within 20 s");
            assertFalse(publisher.allDelivered(), "in the spool, not on the topic");
        }
    }

    private static ProgressEvent end(UUID job) {
        return new ProgressEvent(job, 3, Instant.now(), JobKind.EXPORT_TABLE, List.of("aqdata.pm25"), "test",
                JobState.SUCCEEDED, "done", JobUnit.ROWS, 10, 10, null, null, 0, List.of(), null, null, "exported");
    }
}
