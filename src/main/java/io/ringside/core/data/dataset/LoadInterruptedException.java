package io.ringside.core.data.dataset;

import io.ringside.core.RingsideException;

/** A load stopped on request at a chunk boundary, with nothing of it marked complete. */
public final class LoadInterruptedException extends RingsideException {

    private final LoadInterruption interruption;

    public LoadInterruptedException(LoadInterruption interruption, String message) {
        super(message);
        this.interruption = interruption;
    }

    public LoadInterruption interruption() {
        return interruption;
    }
}
