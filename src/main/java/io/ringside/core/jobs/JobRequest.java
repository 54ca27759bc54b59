package io.ringside.core.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A request on {@code ringside.jobs.requests} (key: the job id). {@code source} holds absolute
 * paths, since the worker that runs the job may be another process; {@code options} are the
 * command's options as text (see {@link JobOptions} for the names).
 */
public record JobRequest(UUID jobId, JobKind kind, List<String> source, Map<String, String> options,
                         String requestedBy, Instant requestedAt) {

    public JobRequest {
        source = source == null ? List.of() : List.copyOf(source);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public String option(String name) {
        return options.get(name);
    }
}
