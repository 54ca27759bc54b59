package io.ringside.core.data.dataset;

import java.util.Locale;

/**
 * Life cycle of one dataset version. Only {@link #COMPLETE} versions are served; a version stays
 * {@link #LOADING} while chunks are written, so readers never mistake a half-written one for data.
 */
public enum DatasetStatus {
    LOADING, COMPLETE, FAILED, CANCELLED;

    /** The spelling stored in Cassandra and printed by the CLI. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DatasetStatus parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
