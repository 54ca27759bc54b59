package io.ringside.core.cassandra;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import io.ringside.core.NotFoundException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Pages through a table's rows with the driver's paging state, one page per call, so a table of
 * any size costs one page of memory. Blob columns outside the primary key are never selected: on
 * a server with {@code octet_length} (after Cassandra 5.0) the page carries their sizes, otherwise
 * only "blob"; the bytes of one chosen cell come from {@link #blobHead}. Statements are idempotent
 * prepared reads at LOCAL_ONE, and partition-key values are bound, never spliced into the CQL.
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
        RelationInfo relation = schema.relation(query.keyspace(), query.table());
        boolean sizes = serverHasOctetLength();
        String cql = selectCql(relation, sizes) + partitionFilter(relation, query);
        PreparedStatement prepared = session.prepare(cql);
        BoundStatement statement = prepared.bind(partitionValues(relation, query, prepared).toArray())
                .setPageSize(query.pageSize())
                .setPagingState(pagingState)
                .setConsistencyLevel(ConsistencyLevel.LOCAL_ONE)
                .setIdempotent(true)
                .setTimeout(TIMEOUT);
        ResultSet result = session.execute(statement);
        List<RowPage.Row> rows = new ArrayList<>();
        for (int available = result.getAvailableWithoutFetching(); available > 0; available--) {
            rows.add(row(result.one(), relation, sizes));
        }
        return new RowPage(relation.columns(), rows, result.getExecutionInfo().getPagingState());
    }

    /** The SELECT of a page: every column, but blobs outside the key only by size (or not at all). */
    static String selectCql(RelationInfo relation, boolean sizes) {
        StringJoiner select = new StringJoiner(", ", "SELECT ", " FROM " + tableCql(relation));
        for (ColumnInfo column : relation.columns()) {
            if (!sizeOnly(column)) {
                select.add(column.name());
            } else if (sizes) {
                select.add("octet_length(" + column.name() + ")");
            }
        }
        return select.toString();
    }

    /**
     * The size and first {@link BlobHead#HEAD_BYTES} bytes of one blob, read on demand: without a
     * server-side slice function the cell's value travels whole, once, and only its head is kept.
     */
    public BlobHead blobHead(String keyspace, String table, List<Object> primaryKey, String column) {
        RelationInfo relation = schema.relation(keyspace, table);
        ColumnInfo blob = relation.columns().stream().filter(c -> c.name().equals(column) && c.blob()).findFirst()
                .orElseThrow(() -> new NotFoundException("No blob column " + column + " in " + relation.qualifiedName()));
        List<ColumnInfo> key = relation.primaryKey();
        if (key.size() != primaryKey.size()) {
            throw new IllegalArgumentException("Expected " + key.size() + " primary-key values for "
                    + relation.qualifiedName() + ", got " + primaryKey.size());
        }
        String where = key.stream().map(c -> c.name() + " = ?").collect(Collectors.joining(" AND "));
        Row row = session.execute(session.prepare("SELECT " + blob.name() + " FROM " + tableCql(relation)
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

    private static String partitionFilter(RelationInfo relation, PageQuery query) {
        if (query.partitionKey().isEmpty()) {
            return "";
        }
        StringJoiner where = new StringJoiner(" AND ", " WHERE ", "");
        for (ColumnInfo column : relation.partitionKey()) {
            String text = query.partitionKey().get(column.name());
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("A partition filter needs every partition-key column: no value for "
                        + column.name() + " (" + column.type() + ")");
            }
            where.add(column.name() + " = ?");
        }
        return where.toString();
    }

    private List<Object> partitionValues(RelationInfo relation, PageQuery query, PreparedStatement prepared) {
        if (query.partitionKey().isEmpty()) {
            return List.of();
        }
        CodecRegistry codecs = session.getContext().getCodecRegistry();
        List<ColumnInfo> key = relation.partitionKey();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            DataType type = prepared.getVariableDefinitions().get(i).getType();
            values.add(parse(codecs, key.get(i), type, query.partitionKey().get(key.get(i).name()).strip()));
        }
        return values;
    }

    /** Text columns take the value as typed ('quotes' optional); other types take a CQL literal. */
    private static Object parse(CodecRegistry codecs, ColumnInfo column, DataType type, String text) {
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
            throw new IllegalArgumentException("Cannot read '" + text + "' as " + column.type()
                    + " for partition-key column " + column.name() + ": " + e.getMessage(), e);
        }
    }

    /** Columns come in key order first (see {@link SchemaBrowser}), so the key is a prefix. */
    private static RowPage.Row row(Row row, RelationInfo relation, boolean sizes) {
        CodecRegistry codecs = row.codecRegistry();
        int keyColumns = relation.primaryKey().size();
        List<Cell> cells = new ArrayList<>(relation.columns().size());
        List<Object> keyValues = new ArrayList<>(keyColumns);
        int index = 0;
        for (ColumnInfo column : relation.columns()) {
            if (sizeOnly(column)) {
                if (!sizes) {
                    cells.add(Cell.blob(-1));
                } else {
                    cells.add(row.isNull(index) ? Cell.NULL : Cell.blob(row.getInt(index)));
                    index++;
                }
                continue;
            }
            Object value = row.getObject(index);
            DataType type = row.getColumnDefinitions().get(index).getType();
            index++;
            if (keyValues.size() < keyColumns) {
                keyValues.add(value);
            }
            cells.add(value == null ? Cell.NULL : Cell.value(display(codecs, type, value)));
        }
        return new RowPage.Row(cells, keyValues);
    }

    /**
     * One value of a free-form query as the grid shows it; a blob keeps only its size and head (the
     * pages above keep key blobs whole: they are needed to find the row again).
     */
    public static Cell cell(CodecRegistry codecs, DataType type, Object value) {
        if (value == null) {
            return Cell.NULL;
        }
        if (value instanceof ByteBuffer bytes && type.equals(DataTypes.BLOB)) {
            byte[] head = new byte[Math.min(BlobHead.HEAD_BYTES, bytes.remaining())];
            bytes.duplicate().get(head);
            return Cell.blob(new BlobHead(bytes.remaining(), head));
        }
        return Cell.value(display(codecs, type, value));
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

    /** Key columns are small and needed to find the row again, so only other blobs are left out. */
    private static boolean sizeOnly(ColumnInfo column) {
        return column.blob() && !column.primaryKey();
    }

    private static String tableCql(RelationInfo relation) {
        return CqlIdentifier.fromInternal(relation.keyspace()).asCql(true) + "."
                + CqlIdentifier.fromInternal(relation.name()).asCql(true);
    }
}
