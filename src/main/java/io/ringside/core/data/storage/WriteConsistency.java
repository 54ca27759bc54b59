package io.ringside.core.data.storage;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import io.ringside.core.cassandra.ClusterHealth;
import java.util.Collection;
import java.util.List;

/**
 * The write consistency the conventions ask for: LOCAL_QUORUM while every node of the local data
 * centre is up, ONE when one of them is down, so a load on a two-node RF=2 cluster keeps going with
 * one node lost and says so ({@link #degradedReason()} is what progress reports show). A node down
 * in a remote data centre leaves LOCAL_QUORUM as it is: it counts the local replicas only, and
 * every request the driver sends goes to the local data centre.
 */
public record WriteConsistency(ConsistencyLevel level, String degradedReason) {

    /** What the choice needs to know of one node. */
    public record NodeView(String endpoint, String datacenter, boolean down) {
    }

    public static WriteConsistency of(CqlSession session) {
        List<NodeView> nodes = session.getMetadata().getNodes().values().stream()
                .map(n -> new NodeView(String.valueOf(n.getEndPoint()), n.getDatacenter(),
                        n.getState() == NodeState.DOWN || n.getState() == NodeState.FORCED_DOWN))
                .toList();
        return of(nodes, ClusterHealth.localDatacenter(session).orElse(null));
    }

    /**
     * The level for {@code nodes} seen from {@code localDatacenter}: the nodes down in it decide.
     * Without a local data centre known (or one no node is in) every node counts, as a LOCAL level
     * then cannot be told apart from a global one.
     */
    public static WriteConsistency of(Collection<NodeView> nodes, String localDatacenter) {
        boolean known = localDatacenter != null && nodes.stream().anyMatch(n -> localDatacenter.equals(n.datacenter()));
        List<NodeView> down = nodes.stream()
                .filter(NodeView::down)
                .filter(n -> !known || localDatacenter.equals(n.datacenter()))
                .toList();
        if (down.isEmpty()) {
            return new WriteConsistency(DefaultConsistencyLevel.LOCAL_QUORUM, null);
        }
        boolean severalDatacenters = nodes.stream().map(NodeView::datacenter).distinct().count() > 1;
        return new WriteConsistency(DefaultConsistencyLevel.ONE, "writing at ONE: " + down.size() + " node(s) down"
                + (known && severalDatacenters ? " in " + localDatacenter : "") + " ("
                + String.join(", ", down.stream().map(NodeView::endpoint).toList()) + ")");
    }

    public boolean degraded() {
        return degradedReason != null;
    }

    /** Reads are LOCAL_ONE and idempotent, so they survive a node loss. */
    public static final ConsistencyLevel READ = DefaultConsistencyLevel.LOCAL_ONE;
}
