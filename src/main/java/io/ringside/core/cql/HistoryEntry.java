package io.ringside.core.cql;

import java.time.Instant;

/** One statement run from the workbench or {@code ringside cql}, as the history file keeps it. */
public record HistoryEntry(Instant ts, String profile, String statement, String kind, String outcome, long rows,
                           long elapsedMs) {
}
