package io.ringside.core.cassandra;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.RelationMetadata;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import io.ringside.core.NotFoundException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.time.temporal.Temporal;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Pages through a table's rows with the driver's paging state, one page per call, so a table of
 * any size costs one page of memory. Blob columns are never selected: on a server with
 * {@code octet_length} (Cassandra 5.1+) the page carries their sizes, otherwise only "blob"; the
 * bytes of one chosen cell come from {@link #blobHead}. Statements are idempotent reads at
 * LOCAL_ONE, and partition-key values are bound, never spliced into the CQL.
 */
public final class RowPager {

    private static final Set<DataType> TEXT_TYPES = Set.of(DataTypes.TEXT, DataTypes.ASCII);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final CqlSession session;
    private final SchemaBrowser schema;
    private volatile Boolean octetLength;

    public RowPager(CqlSession session) {
        this.session = session;
        this.schema = new SchemaBrowser(session);
    }

    /** The page that {@code pagingState} points at; null for the first page. */
    public RowPage fetch(PageQuery query, ByteBuffer pagingState) {
        RelationMetadata relation = relation(query.keyspace(), query.table());
        List<ColumnMetadata> columns = SchemaBrowser.orderedColumns(relation);
        boolean sizes = serverHasOctetLength();
        StringJoiner select = new StringJoiner(", ", "SELECT ", " FROM " + tableCql(relation));
        for (ColumnMetadata column : columns) {
            if (!sizeOnly(relation, column)) {
                select.add(column.getName().asCql(true));
            } else if (sizes) {
                select.add("octet_length(" + column.getName().asCql(true) + ")");
            }
        }
        List<Object> values = new ArrayList<>();
        String cql = select + partitionFilter(relation, query, values);
        BoundStatement statement = prepare(cql).bind(values.toArray())
                .setPageSize(query.pageSize())
                .setPagingState(pagingState)
                .setConsistencyLevel(ConsistencyLevel.LOCAL_ONE)
                .setIdempotent(true)
                .setTimeout(TIMEOUT);
        ResultSet result = session.execute(statement);
        List<RowPage.Row> rows = new ArrayList<>();
        for (int available = result.getAvailableWithoutFetching(); available > 0; available--) {
            rows.add(row(result.one(), relation, columns, sizes));
        }
        return new RowPage(columns.stream().map(c -> SchemaBrowser.column(relation, c)).toList(), rows,
                result.getExecutionInfo().getPagingState());
    }

    /**
     * The size and first {@link BlobHead#HEAD_BYTES} bytes of one blob, read on demand: without a
     * server-side slice function the cell's value travels whole, once, and only its head is kept.
     */
    public BlobHead blobHead(String keyspace, String table, List<Object> primaryKey, String column) {
        RelationMetadata relation = relation(keyspace, table);
        ColumnMetadata blob = SchemaBrowser.orderedColumns(relation).stream()
                .filter(c -> c.getName().asCql(true).equals(column) && isBlob(c))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No blob column " + column + " in " + keyspace + "." + table));
        List<ColumnMetadata> key = new ArrayList<>(relation.getPartitionKey());
        key.addAll(relation.getClusteringColumns().keySet());
        if (key.size() != primaryKey.size()) {
            throw new IllegalArgumentException("Expected " + key.size() + " primary-key values for " + keyspace + "."
                    + table + ", got " + primaryKey.size());
        }
        String where = key.stream().map(c -> c.getName().asCql(true) + " = ?").collect(Collectors.joining(" AND "));
        Row row = session.execute(prepare("SELECT " + blob.getName().asCql(true) + " FROM " + tableCql(relation)
                        + " WHERE " + where).bind(primaryKey.toArray())
                .setConsistencyLevel(ConsistencyLevel.LOCAL_ONE).setIdempotent(true).setTimeout(TIMEOUT)).one();
        ByteBuffer bytes = row == null ? null : row.getByteBuffer(0);
        if (bytes == null) {
            return new BlobHead(0, new byte[0]);
        }
        byte[] head = new byte[Math.min(BlobHead.HEAD_BYTES, bytes.remaining())];
        bytes.duplicate().get(head);
        return new BlobHead(bytes.remaining(), head);
    }

    /** Whether the grid can show blob sizes: {@code octet_length} arrived after Cassandra 5.0. */
    public boolean serverHasOctetLength() {
        Boolean known = octetLength;
        if (known == null) {
            try {
                session.execute("SELECT octet_length(key) FROM system.local");
                known = true;
            } catch (InvalidQueryException e) {
                known = false;
            }
            octetLength = known;
        }
        return known;
    }

    private RelationMetadata relation(String keyspace, String table) {
        KeyspaceMetadata ks = schema.keyspaceMetadata(keyspace);
        return SchemaBrowser.relationMetadata(ks, table);
    }

    private PreparedStatement prepare(String cql) {
        return session.prepare(cql);
    }

    private String partitionFilter(RelationMetadata relation, PageQuery query, List<Object> values) {
        if (query.partitionKey().isEmpty()) {
            return "";
        }
        CodecRegistry codecs = session.getContext().getCodecRegistry();
        StringJoiner where = new StringJoiner(" AND ", " WHERE ", "");
        for (ColumnMetadata column : relation.getPartitionKey()) {
            String name = column.getName().asCql(true);
            String text = query.partitionKey().get(name);
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("A partition filter needs every partition-key column: no value for "
                        + name + " (" + column.getType().asCql(false, true) + ")");
            }
            values.add(parse(codecs, column, text.strip()));
            where.add(name + " = ?");
        }
        return where.toString();
    }

    /** Text columns take the value as typed; other types take a CQL literal ('quotes' optional for text). */
    private static Object parse(CodecRegistry codecs, ColumnMetadata column, String text) {
        DataType type = column.getType();
        if (TEXT_TYPES.contains(type) && !(text.length() >= 2 && text.startsWith("'") && text.endsWith("'"))) {
            return text;
        }
        try {
            Object value = codecs.codecFor(type).parse(text);
            if (value == null) {
                throw new IllegalArgumentException("NULL is not a partition key");
            }
            return value;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Cannot read '" + text + "' as " + type.asCql(false, true)
                    + " for partition-key column " + column.getName().asCql(true) + ": " + e.getMessage(), e);
        }
    }

    /** Columns come in key order first (see {@link SchemaBrowser#orderedColumns}), so the key is a prefix. */
    private static RowPage.Row row(Row row, RelationMetadata relation, List<ColumnMetadata> columns, boolean sizes) {
        CodecRegistry codecs = row.codecRegistry();
        int keyColumns = relation.getPrimaryKey().size();
        List<Cell> cells = new ArrayList<>(columns.size());
        List<Object> keyValues = new ArrayList<>(keyColumns);
        int index = 0;
        for (ColumnMetadata column : columns) {
            if (sizeOnly(relation, column)) {
                if (!sizes) {
                    cells.add(Cell.blob(-1));
                } else {
                    cells.add(row.isNull(index) ? Cell.NULL : Cell.blob(row.getInt(index)));
                    index++;
                }
                continue;
            }
            Object value = row.getObject(index++);
            if (keyValues.size() < keyColumns) {
                keyValues.add(value);
            }
            cells.add(value == null ? Cell.NULL : Cell.value(display(codecs, column.getType(), value)));
        }
        return new RowPage.Row(cells, keyValues);
    }

    private static String display(CodecRegistry codecs, DataType type, Object value) {
        if (value instanceof InetAddress inet) {
            return inet.getHostAddress();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Temporal || value instanceof UUID) {
            return value.toString();
        }
        return codecs.codecFor(type).format(value);
    }

    private static boolean isBlob(ColumnMetadata column) {
        return DataTypes.BLOB.equals(column.getType());
    }

    /** Key columns are small and needed to find the row again, so only other blobs are left out. */
    private static boolean sizeOnly(RelationMetadata relation, ColumnMetadata column) {
        return isBlob(column) && !relation.getPrimaryKey().contains(column);
    }

    private static String tableCql(RelationMetadata relation) {
        return relation.getKeyspace().asCql(true) + "." + relation.getName().asCql(true);
    }
}
