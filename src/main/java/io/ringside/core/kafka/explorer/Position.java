package io.ringside.core.kafka.explorer;

import java.time.Instant;

/** A place in every partition of a topic: the beginning, the end, an offset, or the first record at or after a time. */
public record Position(Kind kind, long value) {

    public enum Kind { BEGINNING, END, OFFSET, TIMESTAMP }

    public static Position beginning() {
        return new Position(Kind.BEGINNING, 0);
    }

    public static Position end() {
        return new Position(Kind.END, 0);
    }

    public static Position offset(long offset) {
        return new Position(Kind.OFFSET, offset);
    }

    public static Position time(Instant time) {
        return new Position(Kind.TIMESTAMP, time.toEpochMilli());
    }
}
