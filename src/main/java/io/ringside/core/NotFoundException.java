package io.ringside.core;

/** The named thing (job, dataset, key, node) does not exist (CLI exit code 5). */
public class NotFoundException extends RingsideException {

    public NotFoundException(String message) {
        super(message);
    }
}
