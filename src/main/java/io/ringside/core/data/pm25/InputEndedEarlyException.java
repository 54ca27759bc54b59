package io.ringside.core.data.pm25;

/**
 * A file that stopped being readable part-way (a gzip cut mid-stream, a CSV syntax error): the
 * rows before {@code line} were read and written, the rest of the file was not.
 */
final class InputEndedEarlyException extends Pm25ImportException {

    private final String file;
    private final long line;

    InputEndedEarlyException(String file, long line, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
    }

    String file() {
        return file;
    }

    long line() {
        return line;
    }
}
