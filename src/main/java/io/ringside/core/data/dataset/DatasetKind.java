package io.ringside.core.data.dataset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a load should treat its input as. {@link #AUTO} is only a request: the manifest always
 * records what was decided, {@code idx} or {@code binary}.
 */
public enum DatasetKind {
    /** IDX if the header parses, else binary. */
    AUTO,
    /** Must be a valid IDX file (optionally gzipped); anything else is rejected. */
    IDX,
    /** Opaque bytes; not inspected. */
    BINARY;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a label names, in any case. */
    @JsonCreator
    public static DatasetKind parse(String label) {
        for (DatasetKind kind : values()) {
            if (kind.label().equalsIgnoreCase(label == null ? "" : label.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("expected auto, idx or binary, not '" + label + "'");
    }
}
