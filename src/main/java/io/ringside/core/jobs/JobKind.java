package io.ringside.core.jobs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What a job does; the spelling is the one on the wire (conventions). */
public enum JobKind {
    LOAD_PM25("load-pm25", LoadPm25Options.class), LOAD_DATASET("load-dataset", LoadDatasetOptions.class),
    WARM("warm", WarmOptions.class);

    private final String label;
    private final Class<? extends JobOptions> optionsType;

    JobKind(String label, Class<? extends JobOptions> optionsType) {
        this.label = label;
        this.optionsType = optionsType;
    }

    /** The record a request of this kind reads its options into. */
    Class<? extends JobOptions> optionsType() {
        return optionsType;
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
