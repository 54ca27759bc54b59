package io.ringside.core.data.pm25;

import io.ringside.core.RingsideException;

/** An import that cannot go on: unreadable input, a header no format matches, failed writes. */
public class Pm25ImportException extends RingsideException {

    public Pm25ImportException(String message) {
        super(message);
    }

    public Pm25ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
