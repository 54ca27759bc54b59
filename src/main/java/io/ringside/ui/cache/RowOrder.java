package io.ringside.ui.cache;

/**
 * One column of the key table's sort order. The table's sort goes through the rows' columns
 * ({@link KeyRowList#sortBy}), never through the cells' text: a TTL shown as {@code 1h 02m} or a
 * size still shown as "…" does not sort by what it means.
 *
 * <ul>
 *   <li>{@link Column#KEY}: by the key's bytes, unsigned, byte by byte (a shorter key before the
 *       longer keys it begins); not the order of the escaped text the table shows, in which
 *       {@code \x..} escapes sort by their backslash.</li>
 *   <li>{@link Column#TYPE}: by type name; rows without a type last in both directions.</li>
 *   <li>{@link Column#TTL}: by the moment the key expires; a key without TTL never expires, so it
 *       comes last ascending and first descending.</li>
 *   <li>{@link Column#SIZE}: by the size known so far; rows whose size is not known (not yet
 *       asked, or the key went away) last in both directions.</li>
 * </ul>
 *
 * Rows equal in every column keep the order they had.
 */
record RowOrder(Column column, boolean ascending) {

    enum Column { KEY, TYPE, TTL, SIZE }

    static RowOrder ascending(Column column) {
        return new RowOrder(column, true);
    }

    static RowOrder descending(Column column) {
        return new RowOrder(column, false);
    }
}
