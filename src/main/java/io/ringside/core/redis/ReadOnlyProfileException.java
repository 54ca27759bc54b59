package io.ringside.core.redis;

import io.ringside.core.RingsideException;

/**
 * An admin action was refused because the connection profile is read-only. Nothing was changed;
 * the refusal itself is in the audit trail.
 */
public class ReadOnlyProfileException extends RingsideException {

    public ReadOnlyProfileException(String action) {
        super("Refused: the connection profile is read-only, so " + action + " is not allowed");
    }
}
