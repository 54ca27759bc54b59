package io.ringside.ui.app;

/**
 * How a snapshot run ended: the CLI's exit code and a one-line reason.
 *
 * @param exitCode {@link #WRITTEN}, {@link #LOAD_FAILED} or {@link #NOT_AVAILABLE}
 */
public record SnapshotResult(int exitCode, String message) {

    public static final int WRITTEN = 0;
    public static final int LOAD_FAILED = 1;
    public static final int NOT_AVAILABLE = 2;
}
