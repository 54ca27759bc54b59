package io.ringside.core.cassandra;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A table's partition count from {@code system.size_estimates}, without scanning it. Each node
 * records its own primary ranges there and refreshes them only every few minutes
 * ({@code size_estimates_update_interval}, 5 by default), so the sum over the nodes that answer
 * is an estimate, and a new table has none yet. The estimate counts flushed SSTables only, so a
 * zero says "not known yet" as often as "empty": both are empty here, which the console shows as
 * "n/a".
 */
public final class SizeEstimates {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final CqlSession session;

    public SizeEstimates(CqlSession session) {
        this.session = session;
    }

    public OptionalLong partitions(String keyspace, String table) {
        long total = 0;
        for (Node node : session.getMetadata().getNodes().values()) {
            if (node.getState() != NodeState.UP) {
                continue;
            }
            SimpleStatement statement = SimpleStatement.newInstance(
                            "SELECT partitions_count FROM system.size_estimates WHERE keyspace_name = ? AND table_name = ?",
                            keyspace, table)
                    .setNode(node).setConsistencyLevel(ConsistencyLevel.ONE).setIdempotent(true).setTimeout(TIMEOUT);
            for (Row row : session.execute(statement)) {
                total += row.getLong(0);
            }
        }
        return total > 0 ? OptionalLong.of(total) : OptionalLong.empty();
    }
}
