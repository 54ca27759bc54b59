package io.ringside.core.data.storage;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Creates the keyspaces of the data system idempotently with replication factor min(2, nodes),
 * so one of two nodes can fail; NetworkTopologyStrategy when the cluster spans several data
 * centres. Waits for schema agreement so the tables that follow are seen by every node.
 */
public final class Keyspaces {

    /** The PM2.5 store's keyspace. */
    public static final String PM25 = "aqdata";
    /** The chunked dataset store's keyspace. */
    public static final String DATASETS = "datasets";

    /**
     * The data system's keyspaces, all made by {@link #ensure}: what the local stack raises to two
     * replicas when a second node joins a ring that had one.
     */
    public static final List<String> DATA_SYSTEM = List.of(PM25, DATASETS);

    private Keyspaces() {
    }

    public static void ensure(CqlSession session, String keyspace) {
        Map<String, Long> nodesPerDc = session.getMetadata().getNodes().values().stream()
                .filter(node -> node.getDatacenter() != null)
                .collect(Collectors.groupingBy(Node::getDatacenter, TreeMap::new, Collectors.counting()));
        ddl(session, "CREATE KEYSPACE IF NOT EXISTS " + keyspace + " WITH replication = " + replication(nodesPerDc));
    }

    /**
     * The data system's replication for a ring of these data centres (node count of each): two
     * replicas where a data centre has two nodes, so one may fail; NetworkTopologyStrategy with a
     * factor per data centre when there are several, so LOCAL_QUORUM in one never waits on another.
     */
    public static String replication(Map<String, Long> nodesPerDc) {
        if (nodesPerDc.size() > 1) {
            return nodesPerDc.entrySet().stream()
                    .map(dc -> "'" + dc.getKey() + "': " + Math.min(2, dc.getValue()))
                    .collect(Collectors.joining(", ", "{'class': 'NetworkTopologyStrategy', ", "}"));
        }
        long nodes = nodesPerDc.values().stream().mapToLong(Long::longValue).sum();
        return "{'class': 'SimpleStrategy', 'replication_factor': " + Math.min(2, Math.max(1, nodes)) + "}";
    }

    /**
     * Runs a schema statement and, if the driver's own wait for agreement timed out, checks again
     * (each check is a round of queries to the nodes) for up to 30 s.
     */
    public static void ddl(CqlSession session, String statement) {
        ResultSet result = session.execute(SimpleStatement.newInstance(statement).setTimeout(Duration.ofSeconds(60)));
        if (result.getExecutionInfo().isSchemaInAgreement()) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!session.checkSchemaAgreement()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Schema did not agree across nodes within 30 s after: " + statement);
            }
        }
    }
}
