package io.ringside.core.data.export;

import com.datastax.oss.driver.api.core.CqlIdentifier;

/**
 * What an export reads: a whole table, read by token range, or the rows of one {@code SELECT},
 * read by token range too when it is a plain scan of a table, else as one range by the driver's
 * paging.
 *
 * @param keyspace null for a query
 * @param table    null for a query
 * @param query    null for a table
 */
public record ExportSource(CqlIdentifier keyspace, CqlIdentifier table, String query) {

    public ExportSource {
        if ((query == null) == (table == null || keyspace == null)) {
            throw new IllegalArgumentException("an export reads a table (KS.TABLE) or a SELECT statement");
        }
        if (query != null && query.isBlank()) {
            throw new IllegalArgumentException("an export of a query needs a SELECT statement");
        }
    }

    /**
     * A table named {@code KS.TABLE}, each part as CQL spells it (a part in double quotes keeps its
     * case).
     *
     * @throws IllegalArgumentException for a name that is not {@code KS.TABLE}
     */
    public static ExportSource table(String qualifiedName) {
        String name = qualifiedName == null ? "" : qualifiedName.trim();
        int dot = splitPoint(name);
        if (dot <= 0 || dot == name.length() - 1) {
            throw new IllegalArgumentException("'" + qualifiedName + "' is not KS.TABLE (a keyspace, a dot, a table)");
        }
        return new ExportSource(CqlIdentifier.fromCql(name.substring(0, dot)),
                CqlIdentifier.fromCql(name.substring(dot + 1)), null);
    }

    public static ExportSource query(String statement) {
        return new ExportSource(null, null, statement == null ? null : statement.trim());
    }

    public boolean isTable() {
        return query == null;
    }

    /** {@code ks.table} as CQL spells it, or the statement. */
    public String describe() {
        return isTable() ? keyspace.asCql(true) + "." + table.asCql(true) : query;
    }

    /** The dot between keyspace and table, outside double quotes; -1 when there is none. */
    private static int splitPoint(String name) {
        boolean quoted = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
