package io.ringside.core.cassandra;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.ringside.core.NotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The keyspaces the driver's metadata leaves out. By default the driver refreshes user keyspaces
 * only ({@code advanced.metadata.schema.refreshed-keyspaces} excludes {@code system*}), and the
 * console must not reconfigure a session it is given, so Cassandra's own and the virtual
 * keyspaces are read from {@code system_schema} and {@code system_virtual_schema} directly; so is
 * a keyspace created a moment ago, before the driver's debounced schema refresh caught up.
 */
final class SystemSchema {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String SCHEMA = "system_schema";
    private static final String VIRTUAL = "system_virtual_schema";

    private final CqlSession session;

    SystemSchema(CqlSession session) {
        this.session = session;
    }

    /** Every keyspace whose name is not in {@code known}, with its tables. */
    List<KeyspaceInfo> keyspaces(Set<String> known) {
        List<KeyspaceInfo> keyspaces = new ArrayList<>();
        for (Row row : query("SELECT keyspace_name, replication FROM " + SCHEMA + ".keyspaces")) {
            String name = row.getString(0);
            if (!known.contains(name)) {
                keyspaces.add(new KeyspaceInfo(name, SchemaBrowser.SYSTEM_KEYSPACES.contains(name),
                        row.getMap(1, String.class, String.class),
                        relations(SCHEMA, name), List.of()));
            }
        }
        for (Row row : query("SELECT keyspace_name FROM " + VIRTUAL + ".keyspaces")) {
            String name = row.getString(0);
            if (!known.contains(name)) {
                keyspaces.add(new KeyspaceInfo(name, true, Map.of(), relations(VIRTUAL, name), List.of()));
            }
        }
        return keyspaces;
    }

    RelationInfo relation(String keyspace, String table) {
        for (String source : List.of(SCHEMA, VIRTUAL)) {
            List<ColumnInfo> columns = columns(source, keyspace, table);
            if (!columns.isEmpty()) {
                return new RelationInfo(keyspace, table, kind(source), columns);
            }
        }
        throw new NotFoundException("No table or view " + keyspace + "." + table);
    }

    String keyspaceDdl(String keyspace) {
        Row row = query("SELECT replication, durable_writes FROM " + SCHEMA + ".keyspaces WHERE keyspace_name = ?",
                keyspace).one();
        if (row != null) {
            String replication = new TreeMap<>(row.getMap(0, String.class, String.class)).entrySet().stream()
                    .map(e -> "'" + e.getKey() + "': '" + e.getValue() + "'")
                    .collect(Collectors.joining(", ", "{", "}"));
            return "CREATE KEYSPACE " + CqlIdentifier.fromInternal(keyspace).asCql(true) + " WITH replication = "
                    + replication + " AND durable_writes = " + row.getBoolean(1) + ";";
        }
        if (query("SELECT keyspace_name FROM " + VIRTUAL + ".keyspaces WHERE keyspace_name = ?", keyspace).one() != null) {
            return "/* Virtual keyspace " + keyspace + ": node-local, read-only, not replicated */";
        }
        throw new NotFoundException("No keyspace " + keyspace);
    }

    /** A {@code CREATE TABLE} with the columns and key; the server's table options are left out. */
    String tableDdl(String keyspace, String table) {
        RelationInfo relation = relation(keyspace, table);
        Map<String, String> order = clusteringOrder(relation.kind() == RelationKind.VIRTUAL_TABLE ? VIRTUAL : SCHEMA,
                keyspace, table);
        StringBuilder ddl = new StringBuilder();
        if (relation.kind() == RelationKind.VIRTUAL_TABLE) {
            ddl.append("/* Virtual table: node-local, read-only */\n");
        }
        ddl.append("CREATE TABLE ").append(CqlIdentifier.fromInternal(keyspace).asCql(true)).append('.')
                .append(CqlIdentifier.fromInternal(table).asCql(true)).append(" (\n");
        for (ColumnInfo column : relation.columns()) {
            ddl.append("    ").append(column.name()).append(' ').append(column.type())
                    .append(column.role() == ColumnRole.STATIC ? " static" : "").append(",\n");
        }
        String partition = relation.partitionKey().stream().map(ColumnInfo::name).collect(Collectors.joining(", "));
        List<String> clustering = relation.columns().stream().filter(c -> c.role() == ColumnRole.CLUSTERING)
                .map(ColumnInfo::name).toList();
        ddl.append("    PRIMARY KEY (").append(relation.partitionKey().size() == 1 ? partition : "(" + partition + ")");
        clustering.forEach(name -> ddl.append(", ").append(name));
        ddl.append(")\n)");
        if (!clustering.isEmpty()) {
            ddl.append(" WITH CLUSTERING ORDER BY (").append(clustering.stream()
                    .map(name -> name + " " + order.getOrDefault(name, "ASC")).collect(Collectors.joining(", ")))
                    .append(')');
        }
        return ddl.append(';').toString();
    }

    private List<RelationInfo> relations(String source, String keyspace) {
        Map<String, List<Row>> byTable = new LinkedHashMap<>();
        for (Row row : query("SELECT table_name, column_name, kind, position, type FROM " + source
                + ".columns WHERE keyspace_name = ?", keyspace)) {
            byTable.computeIfAbsent(row.getString(0), t -> new ArrayList<>()).add(row);
        }
        return byTable.entrySet().stream()
                .map(e -> new RelationInfo(keyspace, e.getKey(), kind(source), columns(e.getValue())))
                .sorted(Comparator.comparing(RelationInfo::name))
                .toList();
    }

    private List<ColumnInfo> columns(String source, String keyspace, String table) {
        List<Row> rows = new ArrayList<>();
        query("SELECT table_name, column_name, kind, position, type FROM " + source
                + ".columns WHERE keyspace_name = ? AND table_name = ?", keyspace, table).forEach(rows::add);
        return columns(rows);
    }

    /** Same order as the driver path: partition key, clustering (by position), static, the rest by name. */
    private static List<ColumnInfo> columns(List<Row> rows) {
        return rows.stream()
                .sorted(Comparator.comparingInt((Row r) -> role(r.getString(2)).ordinal())
                        .thenComparingInt(r -> r.getInt(3))
                        .thenComparing(r -> r.getString(1)))
                .map(r -> new ColumnInfo(CqlIdentifier.fromInternal(r.getString(1)).asCql(true), r.getString(4),
                        role(r.getString(2)), "blob".equals(r.getString(4))))
                .toList();
    }

    private Map<String, String> clusteringOrder(String source, String keyspace, String table) {
        Map<String, String> order = new LinkedHashMap<>();
        for (Row row : query("SELECT column_name, clustering_order FROM " + source
                + ".columns WHERE keyspace_name = ? AND table_name = ?", keyspace, table)) {
            String direction = row.getString(1);
            if (direction != null && !"none".equalsIgnoreCase(direction)) {
                order.put(CqlIdentifier.fromInternal(row.getString(0)).asCql(true), direction.toUpperCase(java.util.Locale.ROOT));
            }
        }
        return order;
    }

    private static ColumnRole role(String kind) {
        return switch (kind) {
            case "partition_key" -> ColumnRole.PARTITION_KEY;
            case "clustering" -> ColumnRole.CLUSTERING;
            case "static" -> ColumnRole.STATIC;
            default -> ColumnRole.REGULAR;
        };
    }

    private static RelationKind kind(String source) {
        return VIRTUAL.equals(source) ? RelationKind.VIRTUAL_TABLE : RelationKind.TABLE;
    }

    private ResultSet query(String cql, Object... values) {
        return session.execute(SimpleStatement.newInstance(cql, values).setTimeout(TIMEOUT).setIdempotent(true)
                .setConsistencyLevel(ConsistencyLevel.ONE));
    }
}
