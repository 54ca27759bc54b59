package io.ringside.core.connect;

import io.ringside.core.RingsideException;

/** A mutating call was refused because the active profile is marked read-only (CLI exit code 1). */
public final class ReadOnlyProfileException extends RingsideException {

    public ReadOnlyProfileException(String message) {
        super(message);
    }
}
