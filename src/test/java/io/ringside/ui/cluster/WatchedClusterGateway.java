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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A gateway that counts the polls' calls on the way to the real one, so a drill's failure message
 * says whether the Nodes tab's polls were still running and how long their last calls took.
 */
final class WatchedClusterGateway implements ClusterGateway {

    private final ClusterGateway real;
    private final AtomicInteger livenessCalls = new AtomicInteger();
    private final AtomicInteger healthCalls = new AtomicInteger();
    private final AtomicInteger healthRunning = new AtomicInteger();
    private final AtomicLong lastHealthMillis = new AtomicLong(-1);
    private volatile Map<UUID, Boolean> lastLiveness = Map.of();

    WatchedClusterGateway(ClusterGateway real) {
        this.real = real;
    }

    /** The calls so far, for a failure message. */
    String summary() {
        return livenessCalls.get() + " liveness calls (last " + lastLiveness + "), " + healthCalls.get()
                + " health calls (" + healthRunning.get() + " running, the last done in " + lastHealthMillis.get()
                + " ms)";
    }

    @Override
    public List<KeyspaceInfo> keyspaces() {
        return real.keyspaces();
    }

    @Override
    public String keyspaceDdl(String keyspace) {
        return real.keyspaceDdl(keyspace);
    }

    @Override
    public String relationDdl(String keyspace, String relation) {
        return real.relationDdl(keyspace, relation);
    }

    @Override
    public RowPage page(PageQuery query, ByteBuffer pagingState) {
        return real.page(query, pagingState);
    }

    @Override
    public OptionalLong partitionEstimate(String keyspace, String table) {
        return real.partitionEstimate(keyspace, table);
    }

    @Override
    public BlobHead blobHead(String keyspace, String table, List<Object> primaryKey, String column) {
        return real.blobHead(keyspace, table, primaryKey, column);
    }

    @Override
    public Map<UUID, Boolean> liveness() {
        livenessCalls.incrementAndGet();
        Map<UUID, Boolean> states = real.liveness();
        lastLiveness = states;
        return states;
    }

    @Override
    public HealthReport health(String keyspace) {
        healthCalls.incrementAndGet();
        healthRunning.incrementAndGet();
        long start = System.nanoTime();
        try {
            return real.health(keyspace);
        } finally {
            healthRunning.decrementAndGet();
            lastHealthMillis.set((System.nanoTime() - start) / 1_000_000);
        }
    }

    @Override
    public NodeDetails details(UUID hostId) {
        return real.details(hostId);
    }
}
