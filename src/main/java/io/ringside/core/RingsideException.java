package io.ringside.core;

/**
 * Root of every error Ringside raises on purpose. Unchecked so that services can be composed
 * freely; the CLI maps the subclasses to exit codes and the console to messages, so a message
 * must be readable by an operator on its own (name the file, server, port or key involved).
 */
public class RingsideException extends RuntimeException {

    public RingsideException(String message) {
        super(message);
    }

    public RingsideException(String message, Throwable cause) {
        super(message, cause);
    }
}
