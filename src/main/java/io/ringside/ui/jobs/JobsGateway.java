package io.ringside.ui.jobs;

import io.ringside.core.jobs.JobKind;
import io.ringside.core.jobs.JobOptions;
import io.ringside.core.jobs.JobRequest;
import io.ringside.core.jobs.ProgressEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What the Jobs screen needs from {@code core.jobs}, narrowed to one interface so the view-models
 * are tested with a fake. Every method may block on the network: call them off the FX thread only.
 */
public interface JobsGateway {

    /** An open subscription to every job's events. */
    interface Feed extends AutoCloseable {

        /** Why the feed stopped on its own, or null while it runs. */
        Exception failure();

        /**
         * True when the connection now points elsewhere than the feed does (another profile, or
         * a local stack whose ports were only known once it was up): the feed must be reopened.
         */
        default boolean stale() {
            return false;
        }

        @Override
        void close();
    }

    /**
     * Follows every job's events from {@code since} on, then live; {@code listener} runs on the
     * feed's own thread.
     */
    Feed follow(Instant since, Consumer<ProgressEvent> listener);

    /**
     * Follows the events and, beside them, the requests (for the options events do not carry);
     * both listeners run on feed threads. Without a requests topic, the events alone.
     */
    default Feed follow(Instant since, Consumer<ProgressEvent> listener, Consumer<JobRequest> requests) {
        return follow(since, listener);
    }

    /** False when the progress topic does not answer within a few seconds. */
    boolean feedReachable();

    JobRequest request(JobKind kind, List<String> source, Map<String, String> options);

    /** A request for the kind of job {@code options} are for; they go on the wire as text. */
    default JobRequest request(List<String> source, JobOptions options) {
        return request(options.kind(), source, options.toWire());
    }

    void submit(JobRequest request);

    void cancel(UUID jobId);

    /** The job's original request with its options, if the requests topic still holds it. */
    Optional<JobRequest> requestOf(UUID jobId);

    /** Records an operator's action in the audit log. */
    void audit(String action, String target, String outcome);
}
