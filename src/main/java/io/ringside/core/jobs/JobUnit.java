package io.ringside.core.jobs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.ringside.core.ByteSize;
import java.util.Locale;

/** The unit of a job's {@code done} and {@code total}. */
public enum JobUnit {
    BYTES, CHUNKS, ROWS;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * An amount in this unit as the CLI and the console both write it: bytes through
     * {@link ByteSize} ({@code 26.4 MB}), chunks and rows counted ({@code 1,200 rows}).
     */
    public String format(double amount) {
        return this == BYTES ? ByteSize.format(amount) : String.format(Locale.ROOT, "%,.0f %s", amount, label());
    }

    /** A rate in this unit a second: {@code 26.4 MB/s}, {@code 1,200 rows/s}. */
    public String formatRate(double perSecond) {
        return format(perSecond) + "/s";
    }

    @JsonCreator
    public static JobUnit parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
