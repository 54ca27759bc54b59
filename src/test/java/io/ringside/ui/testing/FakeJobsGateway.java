package io.ringside.ui.testing;

import io.ringside.core.jobs.JobKind;
import io.ringside.core.jobs.JobRequest;
import io.ringside.core.jobs.ProgressEvent;
import io.ringside.ui.jobs.JobsGateway;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** A progress feed the test drives by hand; remembers what the screen submitted, cancelled and audited. */
public final class FakeJobsGateway implements JobsGateway {

    public final List<JobRequest> submitted = new ArrayList<>();
    public final List<UUID> cancelled = new ArrayList<>();
    public final List<String> audited = new ArrayList<>();
    public final Map<UUID, JobRequest> requests = new HashMap<>();
    public boolean reachable = true;
    public RuntimeException failFollow;
    public RuntimeException failSubmit;
    public Exception feedFailure;
    public boolean stale;
    public Instant followedSince;
    public int opened;
    public int closed;
    private Consumer<ProgressEvent> listener;
    private Consumer<JobRequest> requestListener = r -> { };

    @Override
    public Feed follow(Instant since, Consumer<ProgressEvent> listener) {
        if (failFollow != null) {
            throw failFollow;
        }
        this.followedSince = since;
        this.listener = listener;
        opened++;
        return new Feed() {
            @Override
            public Exception failure() {
                return feedFailure;
            }

            @Override
            public boolean stale() {
                return stale;
            }

            @Override
            public void close() {
                closed++;
            }
        };
    }

    @Override
    public Feed follow(Instant since, Consumer<ProgressEvent> listener, Consumer<JobRequest> requests) {
        Feed feed = follow(since, listener);
        this.requestListener = requests;
        return feed;
    }

    /** Hands a request to the open feed's request listener, as the feed's thread would. */
    public void emitRequest(JobRequest request) {
        requestListener.accept(request);
    }

    /** Hands an event to the open feed, as the feed's thread would. */
    public void emit(ProgressEvent event) {
        listener.accept(event);
    }

    @Override
    public boolean feedReachable() {
        return reachable;
    }

    @Override
    public JobRequest request(JobKind kind, List<String> source, Map<String, String> options) {
        return new JobRequest(UUID.randomUUID(), kind, source, options, "tester", Instant.now());
    }

    @Override
    public void submit(JobRequest request) {
        if (failSubmit != null) {
            throw failSubmit;
        }
        submitted.add(request);
    }

    @Override
    public void cancel(UUID jobId) {
        cancelled.add(jobId);
    }

    @Override
    public Optional<JobRequest> requestOf(UUID jobId) {
        return Optional.ofNullable(requests.get(jobId));
    }

    @Override
    public void audit(String action, String target, String outcome) {
        audited.add(action + " " + target + " " + outcome);
    }
}
