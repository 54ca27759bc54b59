package io.ringside.core.data.export;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What an export writes: CSV with a header line (DSBulk's unload defaults), or one JSON object a line. */
public enum ExportFormat {
    CSV("csv", ".csv"), JSON("json", ".jsonl");

    private final String label;
    private final String extension;

    ExportFormat(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** The file name ending of a part file of this format. */
    String extension() {
        return extension;
    }

    @JsonCreator
    public static ExportFormat parse(String label) {
        String wanted = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown export format '" + label
                        + "' (csv or json)"));
    }
}
