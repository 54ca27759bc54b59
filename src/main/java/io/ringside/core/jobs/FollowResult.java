package io.ringside.core.jobs;

/**
 * How following a job ended: with its final event, or without one because the job is unknown,
 * the wait timed out, or the progress feed went offline (Kafka unreachable) with no local feed
 * to fall back on. {@code last} is the newest event seen, if any.
 */
public record FollowResult(Outcome outcome, ProgressEvent last) {

    public enum Outcome { FINISHED, UNKNOWN, TIMED_OUT, OFFLINE }

    public JobState state() {
        return last == null ? null : last.state();
    }
}
