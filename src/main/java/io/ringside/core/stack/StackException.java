package io.ringside.core.stack;

import io.ringside.core.RingsideException;

/** The local stack could not do what was asked; the message names the server and the cause. */
public class StackException extends RingsideException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
