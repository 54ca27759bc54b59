package io.ringside.ui.cluster;

import io.ringside.core.cassandra.BlobHead;
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
 * What the Cluster screen needs from {@code core.cassandra}, narrowed to one interface so the
 * view-models are tested with a fake. Every method may block on the network: call them off the
 * FX thread only.
 */
public interface ClusterGateway {

    List<KeyspaceInfo> keyspaces();

    String keyspaceDdl(String keyspace);

    String relationDdl(String keyspace, String relation);

    RowPage page(PageQuery query, ByteBuffer pagingState);

    /** Partitions estimated by {@code system.size_estimates}; empty until Cassandra computed one. */
    OptionalLong partitionEstimate(String keyspace, String table);

    BlobHead blobHead(String keyspace, String table, List<Object> primaryKey, String column);

    /** Up (true) or down per host id as the driver sees it now; cheap, no request. */
    Map<UUID, Boolean> liveness();

    /** The node table; ownership for {@code keyspace}, or primary ranges when it is null. */
    HealthReport health(String keyspace);

    NodeDetails details(UUID hostId);
}
