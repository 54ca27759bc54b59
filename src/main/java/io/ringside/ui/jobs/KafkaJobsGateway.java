package io.ringside.ui.jobs;

import io.ringside.core.connect.AccessGuard;
import io.ringside.core.connect.ReadOnlyProfileException;
import io.ringside.core.jobs.JobClient;
import io.ringside.core.jobs.JobKind;
import io.ringside.core.jobs.JobRequest;
import io.ringside.core.jobs.ProgressEvent;
import io.ringside.core.jobs.ProgressFeed;
import io.ringside.core.jobs.RequestFeed;
import io.ringside.core.kafka.AuditLog;
import io.ringside.core.profile.ActiveConnection;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The real gateway: {@link JobClient} and {@link ProgressFeed} over the active profile's Kafka
 * properties, asked for on every call so a profile switch takes effect on the next one. The data
 * folder holds the spools of progress and audit events written while Kafka was away.
 */
public final class KafkaJobsGateway implements JobsGateway {

    private static final String BOOTSTRAP = "bootstrap.servers";

    private final Supplier<Map<String, Object>> kafka;
    private final Path dataFolder;
    private final Supplier<String> profile;
    private final Supplier<AccessGuard> guard;
    private final Supplier<JobClient> clients;

    public KafkaJobsGateway(Supplier<Map<String, Object>> kafka, Path dataFolder, Supplier<String> profile,
                            Supplier<AccessGuard> guard) {
        this(kafka, dataFolder, profile, guard, () -> new JobClient(kafka.get(), dataFolder));
    }

    private KafkaJobsGateway(Supplier<Map<String, Object>> kafka, Path dataFolder, Supplier<String> profile,
                             Supplier<AccessGuard> guard, Supplier<JobClient> clients) {
        this.kafka = kafka;
        this.dataFolder = dataFolder;
        this.profile = profile;
        this.guard = guard;
        this.clients = clients;
    }

    /** Over the active profile's job client. */
    public static KafkaJobsGateway of(ActiveConnection connection, Path dataFolder) {
        return new KafkaJobsGateway(connection::kafkaProperties, dataFolder, () -> connection.profile().id(),
                connection::accessGuard, () -> connection.services().jobs());
    }

    private JobClient client() {
        return clients.get();
    }

    @Override
    public Feed follow(Instant since, Consumer<ProgressEvent> listener) {
        Map<String, Object> properties = kafka.get();
        ProgressFeed feed = new ProgressFeed(properties, since, listener);
        return new Feed() {
            @Override
            public Exception failure() {
                return feed.failure();
            }

            @Override
            public boolean stale() {
                return !Objects.equals(properties.get(BOOTSTRAP), kafka.get().get(BOOTSTRAP));
            }

            @Override
            public void close() {
                feed.close();
            }
        };
    }

    /** The events' feed, with a second consumer on the requests topic that closes with it. */
    @Override
    public Feed follow(Instant since, Consumer<ProgressEvent> listener, Consumer<JobRequest> requests) {
        Feed events = follow(since, listener);
        RequestFeed requestFeed;
        try {
            requestFeed = new RequestFeed(kafka.get(), since, requests);
        } catch (RuntimeException e) {
            events.close();
            throw e;
        }
        return new Feed() {
            @Override
            public Exception failure() {
                return events.failure() != null ? events.failure() : requestFeed.failure();
            }

            @Override
            public boolean stale() {
                return events.stale();
            }

            @Override
            public void close() {
                requestFeed.close();
                events.close();
            }
        };
    }

    @Override
    public boolean feedReachable() {
        return client().feedReachable();
    }

    @Override
    public JobRequest request(JobKind kind, List<String> source, Map<String, String> options) {
        return client().request(kind, source, options, profile.get(), guard.get().readOnly());
    }

    /** Audited as {@code job.submit}, a refusal of a read-only profile included. */
    @Override
    public void submit(JobRequest request) {
        try {
            if (request.kind().writes()) {
                guard.get().checkWritable("start a " + request.kind().label() + " job");
            }
            client().submit(request);
        } catch (ReadOnlyProfileException e) {
            audit("job.submit", request.describe(), "refused: " + e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            audit("job.submit", request.describe(), "failed: " + e.getMessage());
            throw e;
        }
        audit("job.submit", request.describe(), "ok");
    }

    @Override
    public void cancel(UUID jobId) {
        guard.get().checkWritable("cancel a job");
        client().cancel(jobId);
    }

    @Override
    public Optional<JobRequest> requestOf(UUID jobId) {
        return client().requestOf(jobId);
    }

    @Override
    public void audit(String action, String target, String outcome) {
        new AuditLog(dataFolder, kafka.get(), profile.get()).record(action, target, 1, outcome);
    }
}
