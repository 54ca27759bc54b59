package io.ringside.core.jobs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What a job does; the spelling is the one on the wire (conventions). */
public enum JobKind {
    LOAD_PM25("load-pm25", LoadPm25Options.class, true), LOAD_DATASET("load-dataset", LoadDatasetOptions.class, true),
    WARM("warm", WarmOptions.class, true), EXPORT_TABLE("export-table", ExportTableOptions.class, false);

    private final String label;
    private final Class<? extends JobOptions> optionsType;
    private final boolean writes;

    JobKind(String label, Class<? extends JobOptions> optionsType, boolean writes) {
        this.label = label;
        this.optionsType = optionsType;
        this.writes = writes;
    }

    /**
     * Whether the job writes to the data stack, so a read-only profile may not submit it; an
     * export only reads (the file it writes is the operator's own).
     */
    public boolean writes() {
        return writes;
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
