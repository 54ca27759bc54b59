package io.ringside.core.data.storage;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import java.util.List;

/**
 * The write consistency the conventions ask for: LOCAL_QUORUM while every node is up, ONE when a
 * replica is down, so a load on a two-node RF=2 cluster keeps going with one node lost and says
 * so ({@link #degradedReason()} is what progress reports show).
 */
public record WriteConsistency(ConsistencyLevel level, String degradedReason) {

    public static WriteConsistency of(CqlSession session) {
        List<Node> down = session.getMetadata().getNodes().values().stream()
                .filter(n -> n.getState() == NodeState.DOWN || n.getState() == NodeState.FORCED_DOWN)
                .toList();
        if (down.isEmpty()) {
            return new WriteConsistency(DefaultConsistencyLevel.LOCAL_QUORUM, null);
        }
        return new WriteConsistency(DefaultConsistencyLevel.ONE, "writing at ONE: " + down.size() + " node(s) down ("
                + String.join(", ", down.stream().map(n -> String.valueOf(n.getEndPoint())).toList()) + ")");
    }

    public boolean degraded() {
        return degradedReason != null;
    }

    /** Reads are LOCAL_ONE and idempotent, so they survive a node loss. */
    public static final ConsistencyLevel READ = DefaultConsistencyLevel.LOCAL_ONE;
}
