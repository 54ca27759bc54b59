package io.ringside.core.data.dataset;

import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * What a job adds to a plain load: its id (recorded in the version's meta as {@code job.id}, so
 * a worker that takes over the job continues that version instead of claiming a new one), a
 * write-rate limit in bytes a second (0: none), a check asked before every chunk whether to stop,
 * and a hook that hears the latency of each chunk's write and read-back.
 */
public record LoadControl(String jobId, double maxBytesPerSecond, Supplier<LoadInterruption> interruption,
                          LongConsumer writeLatencyNanos) {

    public static final LoadControl NONE = new LoadControl(null, 0, () -> null, nanos -> { });

    public LoadControl {
        if (maxBytesPerSecond < 0 || Double.isNaN(maxBytesPerSecond)) {
            throw new IllegalArgumentException("the write rate must be positive, not " + maxBytesPerSecond);
        }
    }
}
