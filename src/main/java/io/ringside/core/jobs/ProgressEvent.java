package io.ringside.core.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.ringside.core.Json;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One event on {@code ringside.jobs.progress} (key: the job id), exactly the fields of the
 * conventions. {@code seq} grows by one per event of a job, also across a worker that took over
 * a killed one's job; the event with a final {@link JobState} is the job's last. Figures that do
 * not apply are null ({@code eta_s} before a rate is known, latencies of jobs that do not time
 * their writes), and written as JSON null: every event has every field. A {@code total} of 0 is
 * not known: a running job with none (a query export, an input of unknown size) counts {@code done}
 * without a whole, and views show no percentage for it; its final event gives the figures it ended
 * with.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProgressEvent(UUID jobId, long seq, Instant ts, JobKind kind, List<String> source, String requestedBy,
                            JobState state, String phase, JobUnit unit, long done, long total, Double ratePerS,
                            Double etaS, long errors, List<String> rejected, Double p50Ms, Double p99Ms,
                            String message) {

    /** Tabs, other control characters and runs of blanks, which a one-line view writes as one space. */
    private static final Pattern BLANKS = Pattern.compile("[\\s\\p{Cntrl}]+");

    public ProgressEvent {
        source = source == null ? List.of() : List.copyOf(source);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    /** The {@code queued} event a submission publishes with its request. */
    public static ProgressEvent queued(JobRequest request, Instant now) {
        return new ProgressEvent(request.jobId(), 0, now, request.kind(), request.source(), request.requestedBy(),
                JobState.QUEUED, "queued", JobUnit.BYTES, 0, 0, null, null, 0, List.of(), null, null, "waiting for a worker");
    }

    /**
     * A progress event from its JSON; empty for anything else, also for JSON that lacks the job or
     * its state: every reader keys on the one and asks the other whether the job ended, and one such
     * message on the topic (another producer's, a hand-written test) must not stop a page or a
     * worker that reads past it.
     */
    public static Optional<ProgressEvent> decode(String json) {
        try {
            return Optional.of(Json.mapper().readValue(json, ProgressEvent.class))
                    .filter(e -> e.jobId() != null && e.state() != null);
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public boolean terminal() {
        return state.terminal();
    }

    /**
     * Whether {@link #fraction} is a share of a known whole: the total is known, or the job
     * succeeded (all of it is done), or it is queued (none of it is). A running job without a
     * total, and one that failed or was cancelled without one, has no percentage to show.
     */
    public boolean fractionKnown() {
        return total > 0 || state == JobState.SUCCEEDED || state == JobState.QUEUED;
    }

    /**
     * Whether {@code done} and {@code total} say how much there is: not while the job is queued or
     * has only started (running, nothing done, no total: the worker's {@code start} event, an
     * export before its first rows). Their unit and zeros are a placeholder then, and a view that
     * wrote them showed a job that had only started as "0 B", a zero-byte job.
     */
    public boolean amountKnown() {
        return done > 0 || total > 0 || terminal();
    }

    /** Running, with nothing counted yet ({@link #amountKnown}): views say "starting", not a bar that runs. */
    public boolean starting() {
        return state == JobState.RUNNING && !amountKnown();
    }

    /** The share done, 0 to 1; 0 when it is not {@link #fractionKnown known}. */
    public double fraction() {
        if (total > 0) {
            return Math.min(1.0, (double) done / total);
        }
        return state == JobState.SUCCEEDED ? 1.0 : 0.0;
    }

    /** The share done as the views write it ({@code 37%}); empty when it is not {@link #fractionKnown known}. */
    public String percent() {
        return fractionKnown() ? String.format(Locale.ROOT, "%.0f%%", fraction() * 100) : "";
    }

    /**
     * The first line of the message, for one-line views (a label, a column of {@code jobs list}'s
     * tab-separated lines): for a failed job, its reason. Tabs and runs of blanks are one space: a
     * worker once wrote its figures as "files\t1", and the tab went into labels and broke the
     * CLI's columns.
     */
    public String headline() {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return BLANKS.matcher(first).replaceAll(" ").strip();
    }
}
