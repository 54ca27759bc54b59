package io.ringside.ui.cluster;

import io.ringside.core.cassandra.NodeDetails;
import java.time.Instant;

/** One point of a node's charts, taken from one read of its virtual tables. */
public record NodeSample(Instant at, double readsPerSecond, double writesPerSecond, double readP99Ms,
                         double writeP99Ms, long pendingTasks, int clients) {

    static NodeSample of(NodeDetails details) {
        return new NodeSample(details.at(), details.reads().perSecond(), details.writes().perSecond(),
                details.reads().p99Ms(), details.writes().p99Ms(), details.pendingTasks(), details.clients().size());
    }
}
