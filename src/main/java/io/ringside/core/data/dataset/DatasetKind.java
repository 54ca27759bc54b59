package io.ringside.core.data.dataset;

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

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
