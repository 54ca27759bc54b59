package io.ringside.core.jobs;

import io.ringside.core.data.DataServices;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Runs a job in the calling process when it cannot be submitted (Kafka is down): the load still
 * happens, and its events, {@code queued} to final, go to the progress spool, to be forwarded
 * once Kafka is back, so the job appears in every history like any other.
 */
public final class InProcessJob {

    private InProcessJob() {
    }

    /** Runs the job to its end; {@code onEvent} sees every event as it is published. */
    public static ProgressEvent run(DataServices services, Path dataFolder, String profile, JobRequest request,
                                    Consumer<ProgressEvent> onEvent) {
        Clock clock = Clock.systemUTC();
        try (ProgressPublisher publisher = new ProgressPublisher(services.backends().kafkaProperties(), dataFolder, true)) {
            AutoCloseable tap = publisher.tap(onEvent);
            publisher.publish(ProgressEvent.queued(request, clock.instant()));
            JobReporter reporter = new JobReporter(request, 1, publisher, clock);
            ProgressEvent end = new JobRunner(services, dataFolder, profile).run(new JobRunner.RunningJob(request), reporter);
            close(tap);
            return end;
        }
    }

    private static void close(AutoCloseable tap) {
        try {
            tap.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
