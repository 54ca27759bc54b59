package io.ringside.core.redis;

import io.ringside.core.RingsideException;

/**
 * A command that blocks the server or loses data was sent without the typed confirmation it
 * needs; nothing was sent. {@link #expected()} is what the operator must type.
 */
public final class ConfirmationRequiredException extends RingsideException {

    private final String expected;

    public ConfirmationRequiredException(String command, String expected, String why) {
        super(command + " " + why + "; type " + expected + " to confirm it");
        this.expected = expected;
    }

    public String expected() {
        return expected;
    }
}
