package io.ringside.core.cassandra;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.RelationMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.oss.driver.api.core.type.DataTypes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The schema tree and its DDL. User keyspaces come from the driver's metadata (no query of its
 * own, follows schema changes as the driver learns of them, DDL from the driver's
 * {@code describe}); the keyspaces the driver leaves out come from {@link SystemSchema}.
 */
public final class SchemaBrowser {

    /** Cassandra's own keyspaces (5.0); any virtual keyspace counts as one too. */
    static final Set<String> SYSTEM_KEYSPACES = Set.of("system", "system_schema", "system_auth", "system_distributed",
            "system_traces", "system_views", "system_virtual_schema");

    private final CqlSession session;
    private final SystemSchema systemSchema;

    public SchemaBrowser(CqlSession session) {
        this.session = session;
        this.systemSchema = new SystemSchema(session);
    }

    /** User keyspaces by name, then system keyspaces by name. */
    public List<KeyspaceInfo> keyspaces() {
        List<KeyspaceInfo> keyspaces = new ArrayList<>(session.getMetadata().getKeyspaces().values().stream()
                .map(SchemaBrowser::keyspace).toList());
        Set<String> known = keyspaces.stream().map(KeyspaceInfo::name).collect(Collectors.toSet());
        keyspaces.addAll(systemSchema.keyspaces(known));
        keyspaces.sort(Comparator.comparing(KeyspaceInfo::system).thenComparing(KeyspaceInfo::name));
        return keyspaces;
    }

    public RelationInfo relation(String keyspace, String name) {
        return driverKeyspace(keyspace)
                .map(ks -> relation(ks, relationMetadata(ks, name)))
                .orElseGet(() -> systemSchema.relation(keyspace, name));
    }

    /** The keyspace's {@code CREATE KEYSPACE} statement alone. */
    public String ddl(String keyspace) {
        return driverKeyspace(keyspace).map(ks -> ks.describe(true)).orElseGet(() -> systemSchema.keyspaceDdl(keyspace));
    }

    /** The table's or view's {@code CREATE} statement (with its indexes for a table). */
    public String ddl(String keyspace, String relation) {
        return driverKeyspace(keyspace).map(ks -> {
            RelationMetadata metadata = relationMetadata(ks, relation);
            return metadata instanceof TableMetadata table ? table.describeWithChildren(true) : metadata.describe(true);
        }).orElseGet(() -> systemSchema.tableDdl(keyspace, relation));
    }

    private Optional<KeyspaceMetadata> driverKeyspace(String keyspace) {
        return session.getMetadata().getKeyspace(CqlIdentifier.fromInternal(keyspace));
    }

    private static RelationMetadata relationMetadata(KeyspaceMetadata ks, String name) {
        CqlIdentifier id = CqlIdentifier.fromInternal(name);
        return ks.getTable(id).<RelationMetadata>map(t -> t)
                .or(() -> ks.getView(id))
                .orElseThrow(() -> new io.ringside.core.NotFoundException(
                        "No table or view " + ks.getName().asInternal() + "." + name));
    }

    private static KeyspaceInfo keyspace(KeyspaceMetadata ks) {
        String name = ks.getName().asInternal();
        boolean system = ks.isVirtual() || SYSTEM_KEYSPACES.contains(name);
        List<RelationInfo> tables = ks.getTables().values().stream().map(t -> relation(ks, t))
                .sorted(Comparator.comparing(RelationInfo::name)).toList();
        List<RelationInfo> views = ks.getViews().values().stream().map(v -> relation(ks, v))
                .sorted(Comparator.comparing(RelationInfo::name)).toList();
        return new KeyspaceInfo(name, system, ks.getReplication(), tables, views);
    }

    private static RelationInfo relation(KeyspaceMetadata ks, RelationMetadata metadata) {
        RelationKind kind = metadata instanceof TableMetadata table
                ? (table.isVirtual() ? RelationKind.VIRTUAL_TABLE : RelationKind.TABLE)
                : RelationKind.VIEW;
        List<ColumnInfo> columns = orderedColumns(metadata).stream().map(column -> column(metadata, column)).toList();
        return new RelationInfo(ks.getName().asInternal(), metadata.getName().asInternal(), kind, columns);
    }

    /** Partition key, clustering columns, static columns, then the others by name, as cqlsh lists them. */
    private static List<ColumnMetadata> orderedColumns(RelationMetadata metadata) {
        Set<ColumnMetadata> ordered = new LinkedHashSet<>(metadata.getPartitionKey());
        ordered.addAll(metadata.getClusteringColumns().keySet());
        Stream.concat(metadata.getColumns().values().stream().filter(ColumnMetadata::isStatic)
                                .sorted(Comparator.comparing(c -> c.getName().asInternal())),
                        metadata.getColumns().values().stream().filter(c -> !c.isStatic())
                                .sorted(Comparator.comparing(c -> c.getName().asInternal())))
                .forEach(ordered::add);
        return new ArrayList<>(ordered);
    }

    private static ColumnInfo column(RelationMetadata metadata, ColumnMetadata column) {
        return new ColumnInfo(column.getName().asCql(true), column.getType().asCql(false, true),
                role(metadata, column), DataTypes.BLOB.equals(column.getType()));
    }

    private static ColumnRole role(RelationMetadata metadata, ColumnMetadata column) {
        if (metadata.getPartitionKey().contains(column)) {
            return ColumnRole.PARTITION_KEY;
        }
        if (metadata.getClusteringColumns().containsKey(column)) {
            return ColumnRole.CLUSTERING;
        }
        return column.isStatic() ? ColumnRole.STATIC : ColumnRole.REGULAR;
    }
}
