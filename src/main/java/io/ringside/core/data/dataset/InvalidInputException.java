package io.ringside.core.data.dataset;

import io.ringside.core.RingsideException;

/**
 * An input file that claims a format (IDX, gzip) and breaks it. The message names the file and the
 * byte offset, so an operator can find the damage without a stack trace.
 */
public class InvalidInputException extends RingsideException {

    public InvalidInputException(String message) {
        super(message);
    }
}
