package io.ringside.core.data.storage;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
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
        Collection<Node> nodes = session.getMetadata().getNodes().values();
        Set<String> dcs = nodes.stream().map(Node::getDatacenter).filter(dc -> dc != null).collect(Collectors.toSet());
        String replication;
        if (dcs.size() > 1) {
            replication = dcs.stream()
                    .map(dc -> "'" + dc + "': " + Math.min(2, nodes.stream().filter(n -> dc.equals(n.getDatacenter())).count()))
                    .collect(Collectors.joining(", ", "{'class': 'NetworkTopologyStrategy', ", "}"));
        } else {
            replication = "{'class': 'SimpleStrategy', 'replication_factor': " + Math.min(2, Math.max(1, nodes.size())) + "}";
        }
        ddl(session, "CREATE KEYSPACE IF NOT EXISTS " + keyspace + " WITH replication = " + replication);
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
