package io.ringside.core.cql;

import io.ringside.core.cassandra.Cell;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

/**
 * One page of a statement's result. {@code next} is the driver's paging state of the following
 * page (null on the last page, and for statements that return no rows); {@code elapsed} is the
 * time from sending to the page's arrival; {@code trace} is empty unless tracing was asked for.
 */
public record CqlResult(CqlStatement statement, Classification classification, String consistency,
                        List<String> columns, List<String> types, List<List<Cell>> rows, ByteBuffer next,
                        Duration elapsed, List<String> warnings, List<TraceEvent> trace, String coordinator,
                        String note) {

    public CqlResult {
        columns = List.copyOf(columns);
        types = List.copyOf(types);
        rows = rows.stream().map(List::copyOf).toList();
        next = next == null ? null : next.asReadOnlyBuffer();
        warnings = List.copyOf(warnings);
        trace = List.copyOf(trace);
    }

    public boolean hasMore() {
        return next != null;
    }

    /** One line for a status bar or stderr: rows, time, warnings. */
    public String summary() {
        StringBuilder line = new StringBuilder();
        if (note != null) {
            line.append(note);
        } else if (!columns.isEmpty()) {
            line.append(rows.size()).append(rows.size() == 1 ? " row" : " rows").append(hasMore() ? " (more)" : "");
        } else {
            line.append("done");
        }
        line.append(" in ").append(elapsed.toMillis()).append(" ms at ").append(consistency);
        if (!warnings.isEmpty()) {
            line.append(", ").append(warnings.size()).append(warnings.size() == 1 ? " warning" : " warnings");
        }
        return line.toString();
    }
}
