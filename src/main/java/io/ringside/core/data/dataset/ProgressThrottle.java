package io.ringside.core.data.dataset;

/**
 * Rate-limits progress to one report per finished chunk and at most every 250 ms, so a fast load
 * does not flood a Kafka topic or a terminal while a slow one still reports every chunk.
 */
final class ProgressThrottle {

    static final long MIN_INTERVAL_NANOS = 250_000_000L;

    private final ProgressListener listener;
    private final String phase;
    private final long total;
    private final long started = System.nanoTime();
    private long lastReport = Long.MIN_VALUE;
    private int reportedChunks = -1;
    private long done;
    private int chunks;
    private String note;

    ProgressThrottle(ProgressListener listener, String phase, long total) {
        this.listener = listener;
        this.phase = phase;
        this.total = total;
    }

    synchronized void note(String note) {
        this.note = note;
        emit(System.nanoTime());
    }

    synchronized void chunkDone(long bytes) {
        done += bytes;
        chunks++;
        long now = System.nanoTime();
        if (lastReport == Long.MIN_VALUE || now - lastReport >= MIN_INTERVAL_NANOS) {
            emit(now);
        }
    }

    /** The last report of the phase, sent even inside the interval so listeners see 100 %. */
    synchronized void finish() {
        if (reportedChunks != chunks || lastReport == Long.MIN_VALUE) {
            emit(System.nanoTime());
        }
    }

    private void emit(long now) {
        lastReport = now;
        reportedChunks = chunks;
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        listener.onProgress(new LoadProgress(phase, LoadProgress.UNIT_BYTES, done, total, done / seconds, chunks, note));
    }
}
