package io.ringside.core.cassandra;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * One page of rows. {@code next} is the driver's paging state for the following page, null on
 * the last page. Each row keeps its primary-key values so that one cell (a blob's head) can be
 * fetched later without reading the page again.
 */
public record RowPage(List<ColumnInfo> columns, List<Row> rows, ByteBuffer next) {

    public RowPage {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        next = next == null ? null : next.asReadOnlyBuffer();
    }

    public boolean last() {
        return next == null;
    }

    /** A row's cells in column order and its primary-key values in key order (driver types). */
    public record Row(List<Cell> cells, List<Object> primaryKey) {
        public Row {
            cells = List.copyOf(cells);
            primaryKey = List.copyOf(primaryKey);
        }
    }
}
