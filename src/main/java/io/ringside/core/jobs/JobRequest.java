package io.ringside.core.jobs;

import io.ringside.core.connect.AccessGuard;
import io.ringside.core.kafka.AuditTarget;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A request on {@code ringside.jobs.requests} (key: the job id). {@code source} holds absolute
 * paths, since the worker that runs the job may be another process; {@code options} are the
 * command's options as text, as the conventions put them on the wire: {@link #typedOptions()}
 * reads them into the record of the job's kind (see {@link JobOptions}).
 *
 * <p>{@code profile} and {@code readOnly} are the submitting profile's: a worker runs under a
 * profile of its own, so without them a read-only profile could write through any worker. A
 * request written before they existed reads as profile null, not read-only; it is run as the
 * worker's own profile allows, which is what such a request always got.
 *
 * @param requestedBy the OS user that submitted it
 */
public record JobRequest(UUID jobId, JobKind kind, List<String> source, Map<String, String> options,
                         String requestedBy, Instant requestedAt, String profile, boolean readOnly) {

    public JobRequest {
        source = source == null ? List.of() : List.copyOf(source);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** A request of no particular profile (benchmarks and tests that play the worker's own). */
    public JobRequest(UUID jobId, JobKind kind, List<String> source, Map<String, String> options, String requestedBy,
                      Instant requestedAt) {
        this(jobId, kind, source, options, requestedBy, requestedAt, null, false);
    }

    /** A request for {@code options}' kind of job; the options go on the wire as text. */
    public static JobRequest of(UUID jobId, List<String> source, JobOptions options, String requestedBy,
                                Instant requestedAt, String profile, boolean readOnly) {
        return new JobRequest(jobId, options.kind(), source, options.toWire(), requestedBy, requestedAt, profile,
                readOnly);
    }

    public String option(String name) {
        return options.get(name);
    }

    /**
     * The options read into the record of this request's kind.
     *
     * @throws IllegalArgumentException naming the option that is missing or invalid
     */
    public JobOptions typedOptions() {
        return JobOptions.fromWire(kind, options);
    }

    /** What the audit trail names: kind, job id and the first source files. */
    public String describe() {
        return kind.label() + " " + jobId + (source.isEmpty() ? "" : " " + AuditTarget.list(source, " "));
    }

    /** The submitting profile's guard: what a worker checks before it runs the job. */
    public AccessGuard guard() {
        return AccessGuard.of(profile == null ? "unknown" : profile, readOnly);
    }

    /**
     * Refuses a job that writes to the data stack for a read-only submitter; a job that only reads
     * (an export) passes.
     *
     * @throws io.ringside.core.connect.ReadOnlyProfileException naming {@code action}
     */
    public void checkAllowed(String action) {
        if (kind.writes()) {
            guard().checkWritable(action);
        }
    }
}
