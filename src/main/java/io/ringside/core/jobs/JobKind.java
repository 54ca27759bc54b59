package io.ringside.core.jobs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What a job does; the spelling is the one on the wire (conventions). */
public enum JobKind {
    LOAD_PM25("load-pm25"), LOAD_DATASET("load-dataset"), WARM("warm");

    private final String label;

    JobKind(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static JobKind parse(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown job kind '" + label + "'"));
    }
}
