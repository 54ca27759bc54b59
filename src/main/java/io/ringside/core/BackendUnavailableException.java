package io.ringside.core;

/** A server Ringside needs is not running or does not answer (CLI exit code 3). */
public class BackendUnavailableException extends RingsideException {

    public BackendUnavailableException(String message) {
        super(message);
    }

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
