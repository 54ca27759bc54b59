package io.ringside.ui.cluster;

import com.datastax.oss.driver.api.core.CqlSession;
import io.ringside.core.cassandra.BlobHead;
import io.ringside.core.cassandra.ClusterHealth;
import io.ringside.core.cassandra.HealthReport;
import io.ringside.core.cassandra.KeyspaceInfo;
import io.ringside.core.cassandra.NodeDetails;
import io.ringside.core.cassandra.PageQuery;
import io.ringside.core.cassandra.RowPage;
import io.ringside.core.cassandra.RowPager;
import io.ringside.core.cassandra.SchemaBrowser;
import io.ringside.core.cassandra.SizeEstimates;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The real gateway over the active profile's session. The supplier is asked on every call, so a
 * profile switch in the shell takes effect without rebuilding the screen; the services are
 * rebuilt only when the session changes (the row pager remembers what the server supports).
 */
public final class CassandraClusterGateway implements ClusterGateway {

    private final Supplier<CqlSession> sessions;
    private Services services;

    public CassandraClusterGateway(Supplier<CqlSession> sessions) {
        this.sessions = sessions;
    }

    private record Services(CqlSession session, SchemaBrowser schema, RowPager pager, SizeEstimates estimates,
                            ClusterHealth health) {
        static Services of(CqlSession session) {
            return new Services(session, new SchemaBrowser(session), new RowPager(session), new SizeEstimates(session),
                    new ClusterHealth(session));
        }
    }

    private synchronized Services services() {
        CqlSession session = sessions.get();
        if (services == null || services.session() != session) {
            services = Services.of(session);
        }
        return services;
    }

    @Override
    public List<KeyspaceInfo> keyspaces() {
        return services().schema().keyspaces();
    }

    @Override
    public String keyspaceDdl(String keyspace) {
        return services().schema().ddl(keyspace);
    }

    @Override
    public String relationDdl(String keyspace, String relation) {
        return services().schema().ddl(keyspace, relation);
    }

    @Override
    public RowPage page(PageQuery query, ByteBuffer pagingState) {
        return services().pager().fetch(query, pagingState);
    }

    @Override
    public OptionalLong partitionEstimate(String keyspace, String table) {
        return services().estimates().partitions(keyspace, table);
    }

    @Override
    public BlobHead blobHead(String keyspace, String table, List<Object> primaryKey, String column) {
        return services().pager().blobHead(keyspace, table, primaryKey, column);
    }

    @Override
    public Map<UUID, Boolean> liveness() {
        return services().health().liveness();
    }

    @Override
    public HealthReport health(String keyspace) {
        return services().health().report(keyspace);
    }

    @Override
    public NodeDetails details(UUID hostId) {
        return services().health().details(hostId);
    }
}
