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

    /**
     * How far a job is, as the CLI and the console both write it: {@code 13.2 MB / 26.4 MB}, and for
     * counted units the label once, {@code 500 / 1,000 rows}: "420,768 rows / 420,768 rows" said the
     * unit twice and did not fit the Jobs table's column in a 1024 px window. Without a total, the
     * amount alone.
     */
    public String formatProgress(double done, double total) {
        if (total <= 0) {
            return format(done);
        }
        return this == BYTES ? format(done) + " / " + format(total)
                : String.format(Locale.ROOT, "%,.0f / %,.0f %s", done, total, label());
    }

    /**
     * A rate in this unit a second: {@code 26.4 MB/s}, {@code 1,200 rows/s}, and counted rates from
     * ten thousand on to three figures, {@code 122k rows/s}, {@code 1.4M rows/s}: a rate moves from
     * one second to the next, so its last digits say nothing, and "122,279 rows/s" did not fit the
     * Jobs table's column in a 1024 px window.
     */
    public String formatRate(double perSecond) {
        if (this == BYTES || perSecond < 10_000) {
            return format(perSecond) + "/s";
        }
        return (perSecond < 999_500 ? String.format(Locale.ROOT, "%.0fk", perSecond / 1e3)
                : String.format(Locale.ROOT, "%.1fM", perSecond / 1e6)) + " " + label() + "/s";
    }

    @JsonCreator
    public static JobUnit parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
