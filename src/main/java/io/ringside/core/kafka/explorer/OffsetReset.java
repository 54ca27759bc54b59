package io.ringside.core.kafka.explorer;

import java.time.Instant;
import java.util.Locale;

/** Where a consumer group's offsets are moved to: the first or next offset, a time, an offset, or a shift. */
public record OffsetReset(Kind kind, long value) {

    public enum Kind { EARLIEST, LATEST, TIMESTAMP, OFFSET, SHIFT }

    public static OffsetReset earliest() {
        return new OffsetReset(Kind.EARLIEST, 0);
    }

    public static OffsetReset latest() {
        return new OffsetReset(Kind.LATEST, 0);
    }

    /** The first offset whose timestamp is at or after {@code time}; the end where none is. */
    public static OffsetReset toTime(Instant time) {
        return new OffsetReset(Kind.TIMESTAMP, time.toEpochMilli());
    }

    public static OffsetReset toOffset(long offset) {
        return new OffsetReset(Kind.OFFSET, offset);
    }

    /** The committed offset moved by {@code n} (negative: back), kept within the log. */
    public static OffsetReset shiftBy(long n) {
        return new OffsetReset(Kind.SHIFT, n);
    }

    public String describe() {
        return switch (kind) {
            case EARLIEST -> "earliest";
            case LATEST -> "latest";
            case TIMESTAMP -> "time " + Instant.ofEpochMilli(value);
            case OFFSET -> "offset " + value;
            case SHIFT -> String.format(Locale.ROOT, "shift by %+d", value);
        };
    }
}
