package io.ringside.core.jobs;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Turns one job's progress into events: numbers them, computes the ETA, carries the p50/p99 of
 * the writes timed so far, and keeps running events to at most one per
 * {@value #MIN_INTERVAL_MS} ms (a phase change or a new note always goes out; the callers
 * already report at most once per chunk, so the later of the two limits wins).
 */
final class JobReporter {

    static final long MIN_INTERVAL_MS = 250;

    private final JobRequest request;
    private final ProgressPublisher publisher;
    private final Clock clock;
    private final Histogram latency = new Histogram(TimeUnit.MINUTES.toNanos(10), 2);
    private long seq;
    private long lastRunningMillis = Long.MIN_VALUE;
    private String lastPhase;
    private String lastMessage;
    private boolean timed;
    private ProgressEvent last;

    JobReporter(JobRequest request, long firstSeq, ProgressPublisher publisher, Clock clock) {
        this.request = request;
        this.publisher = publisher;
        this.clock = clock;
        this.seq = firstSeq;
    }

    /** Records the latency of one write (a chunk or a batch of rows). Thread-safe. */
    synchronized void recordWrite(long nanos) {
        timed = true;
        latency.recordValue(Math.min(latency.getHighestTrackableValue(), Math.max(0, nanos)));
    }

    synchronized void running(JobProgress progress) {
        long now = clock.millis();
        boolean news = !Objects.equals(progress.phase(), lastPhase) || !Objects.equals(progress.message(), lastMessage);
        if (!news && lastRunningMillis != Long.MIN_VALUE && now - lastRunningMillis < MIN_INTERVAL_MS) {
            return;
        }
        lastRunningMillis = now;
        lastPhase = progress.phase();
        lastMessage = progress.message();
        emit(JobState.RUNNING, progress);
    }

    synchronized ProgressEvent finish(JobState state, JobProgress progress) {
        return emit(state, progress);
    }

    /** A final event that repeats the figures of the last one (a failure or a cancel mid-way). */
    synchronized ProgressEvent finish(JobState state, String message) {
        ProgressEvent l = last;
        return l == null ? emit(state, JobProgress.of(state.label(), JobUnit.BYTES, 0, 0).message(message))
                : emit(state, JobProgress.of(state.label(), l.unit(), l.done(), l.total()).errors(l.errors(), l.rejected())
                        .message(message));
    }

    synchronized ProgressEvent last() {
        return last;
    }

    private ProgressEvent emit(JobState state, JobProgress progress) {
        Double rate = progress.ratePerS() > 0 ? progress.ratePerS() : null;
        Double eta = null;
        if (state.terminal()) {
            eta = 0.0;
        } else if (rate != null && progress.total() > 0) {
            eta = Math.max(0, progress.total() - progress.done()) / rate;
        }
        Double p50 = timed ? latency.getValueAtPercentile(50) / 1e6 : null;
        Double p99 = timed ? latency.getValueAtPercentile(99) / 1e6 : null;
        ProgressEvent event = new ProgressEvent(request.jobId(), seq++, clock.instant(), request.kind(), request.source(),
                request.requestedBy(), state, progress.phase(), progress.unit(), progress.done(), progress.total(), rate,
                eta, progress.errors(), progress.rejected(), p50, p99, progress.message());
        last = event;
        publisher.publish(event);
        return event;
    }
}
