package io.ringside.ui.cluster;

import io.ringside.core.cassandra.BlobHead;
import io.ringside.core.cassandra.CassandraServices;
import io.ringside.core.cassandra.HealthReport;
import io.ringside.core.cassandra.KeyspaceInfo;
import io.ringside.core.cassandra.NodeDetails;
import io.ringside.core.cassandra.PageQuery;
import io.ringside.core.cassandra.RowPage;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The real gateway, over the active profile's session as {@link CassandraServices} holds it (the
 * console itself never touches the driver; see ArchitectureTest).
 */
public final class CassandraClusterGateway implements ClusterGateway {

    private final CassandraServices services;

    public CassandraClusterGateway(CassandraServices services) {
        this.services = services;
    }

    @Override
    public List<KeyspaceInfo> keyspaces() {
        return services.schema().keyspaces();
    }

    @Override
    public String keyspaceDdl(String keyspace) {
        return services.schema().ddl(keyspace);
    }

    @Override
    public String relationDdl(String keyspace, String relation) {
        return services.schema().ddl(keyspace, relation);
    }

    @Override
    public RowPage page(PageQuery query, ByteBuffer pagingState) {
        return services.pager().fetch(query, pagingState);
    }

    @Override
    public OptionalLong partitionEstimate(String keyspace, String table) {
        return services.estimates().partitions(keyspace, table);
    }

    @Override
    public BlobHead blobHead(String keyspace, String table, List<Object> primaryKey, String column) {
        return services.pager().blobHead(keyspace, table, primaryKey, column);
    }

    @Override
    public Map<UUID, Boolean> liveness() {
        return services.health().liveness();
    }

    @Override
    public HealthReport health(String keyspace) {
        return services.health().report(keyspace);
    }

    @Override
    public NodeDetails details(UUID hostId) {
        return services.health().details(hostId);
    }
}
