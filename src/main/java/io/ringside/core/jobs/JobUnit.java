package io.ringside.core.jobs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The unit of a job's {@code done} and {@code total}. */
public enum JobUnit {
    BYTES, CHUNKS, ROWS;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static JobUnit parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
