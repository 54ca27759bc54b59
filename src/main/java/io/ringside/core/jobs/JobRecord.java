package io.ringside.core.jobs;

import io.ringside.core.kafka.Spool;
import io.ringside.core.kafka.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What is on record about a job before a worker runs it: its events on the progress topic and
 * those still waiting in this data folder's spool (sent by a process while Kafka was away), by
 * {@code seq}. A job with a final event there has ended and is never run again, and a worker that
 * takes a job over numbers its events after the highest {@code seq} on record, so {@code seq}
 * never goes back, whichever copy reaches the topic first.
 */
final class JobRecord {

    /** How far before its request a job's events are looked for (clocks of two hosts differ). */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

    private final List<ProgressEvent> events;

    private JobRecord(List<ProgressEvent> events) {
        this.events = events;
    }

    /**
     * Reads the job's record.
     *
     * @throws io.ringside.core.BackendUnavailableException when the progress topic cannot be read:
     *                                                      then nothing may be decided about the job
     */
    static JobRecord read(Map<String, Object> kafka, Path dataFolder, JobRequest request) {
        Map<Long, ProgressEvent> bySeq = new TreeMap<>();
        JobHistory.eventsOf(kafka, request.jobId(), request.requestedAt().minus(CLOCK_SLACK))
                .forEach(e -> bySeq.putIfAbsent(e.seq(), e));
        for (String line : new Spool(dataFolder, Topics.JOB_PROGRESS).lines()) {
            JobHistory.decode(line).filter(e -> e.jobId().equals(request.jobId())).ifPresent(e -> bySeq.putIfAbsent(e.seq(), e));
        }
        return new JobRecord(List.copyOf(bySeq.values()));
    }

    /** True when the job's final event is on the progress topic (not only in a spool). */
    static boolean endedOnTopic(Map<String, Object> kafka, JobRequest request) {
        return JobHistory.eventsOf(kafka, request.jobId(), request.requestedAt().minus(CLOCK_SLACK)).stream()
                .anyMatch(ProgressEvent::terminal);
    }

    /** The job's final event, when it has one. */
    Optional<ProgressEvent> ended() {
        return events.stream().filter(ProgressEvent::terminal).findFirst();
    }

    /** True when a worker ran the job before (it has {@code running} events). */
    boolean started() {
        return events.stream().anyMatch(e -> e.state() == JobState.RUNNING);
    }

    /** The seq of the next event: after every event on record. */
    long nextSeq() {
        return events.isEmpty() ? 1 : events.get(events.size() - 1).seq() + 1;
    }
}
