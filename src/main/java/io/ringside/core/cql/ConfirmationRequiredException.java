package io.ringside.core.cql;

import io.ringside.core.RingsideException;

/** A destructive statement was not run: the object's name was not typed to confirm it (CLI exit 1). */
public final class ConfirmationRequiredException extends RingsideException {

    private final transient Classification classification;

    public ConfirmationRequiredException(Classification classification) {
        super("Not run: " + classification.confirmationPrompt());
        this.classification = classification;
    }

    public Classification classification() {
        return classification;
    }
}
