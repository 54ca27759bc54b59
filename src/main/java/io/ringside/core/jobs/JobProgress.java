package io.ringside.core.jobs;

import java.util.List;

/**
 * The figures of one progress report, as a job's code states them; {@link JobReporter} adds what
 * it keeps itself (the sequence number, time, ETA and latencies) to make the event.
 *
 * @param ratePerS units a second so far, 0 when not known
 * @param errors   rejected rows, missing chunks: what the job counts as errors
 * @param rejected the first rejects, as {@code file:line reason}
 * @param message  a note for the operator, or null
 */
public record JobProgress(String phase, JobUnit unit, long done, long total, double ratePerS, long errors,
                          List<String> rejected, String message) {

    public JobProgress {
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    /** {@code done} of {@code total} in {@code phase}, no rate, errors or message yet. */
    public static JobProgress of(String phase, JobUnit unit, long done, long total) {
        return new JobProgress(phase, unit, done, total, 0, 0, List.of(), null);
    }

    public JobProgress rate(double value) {
        return new JobProgress(phase, unit, done, total, value, errors, rejected, message);
    }

    public JobProgress errors(long count, List<String> firstRejected) {
        return new JobProgress(phase, unit, done, total, ratePerS, count, firstRejected, message);
    }

    public JobProgress message(String value) {
        return new JobProgress(phase, unit, done, total, ratePerS, errors, rejected, value);
    }
}
