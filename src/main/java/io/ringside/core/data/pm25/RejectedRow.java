package io.ringside.core.data.pm25;

/** A row the importer skipped, with where it is, so the operator can fix the file. */
public record RejectedRow(String file, long line, String reason) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
