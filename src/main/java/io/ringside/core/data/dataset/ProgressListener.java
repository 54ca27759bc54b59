package io.ringside.core.data.dataset;

/**
 * Receives progress reports. Called from driver and worker threads, at most once per chunk or
 * 250 ms (whichever is later) plus once at the end of each phase; implementations must be quick
 * and thread-safe.
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = progress -> { };

    void onProgress(LoadProgress progress);
}
