package io.ringside.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import io.ringside.core.cassandra.CassandraServices;
import io.ringside.core.cassandra.ClusterHealth;
import io.ringside.core.cassandra.NodeStatus;
import io.ringside.core.cassandra.ReplicaWarning;
import io.ringside.core.connect.Backends;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.SecretPrompt;
import io.ringside.core.connect.SessionSecretStore;
import io.ringside.core.data.pm25.DailyPm25;
import io.ringside.core.data.pm25.Pm25Store;
import io.ringside.testing.Await;
import io.ringside.testing.TempFolders;
import io.ringside.testing.TestPorts;
import io.ringside.testing.TestStack;
import io.ringside.ui.cluster.CassandraClusterGateway;
import io.ringside.ui.cluster.ClusterViewModel;
import io.ringside.ui.cluster.DatacenterGroup;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code stack up --nodes 3 --dcs 2} for real: three nodes on 127.0.0.1-3, two in dc1 and one in
 * dc2; the data keyspaces replicated per data centre; the Nodes service and tab see two data
 * centres with dc1 local; with the dc2 node stopped by the stack's drill, a trend read at
 * LOCAL_QUORUM in dc1 still succeeds. Three Cassandra JVMs: a cluster drill, run on demand.
 */
@Tag("cluster-drill")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoDatacenterDrillTest {

    private static final String LOCATION = "Dongsi";
    private static final LocalDate FROM = LocalDate.of(2016, 1, 1);
    private static final int DAYS = 365;

    private Path data;
    private StackSupervisor supervisor;
    private StackState state;
    private final List<StackEvent> events = new CopyOnWriteArrayList<>();
    private long startMillis;

    @BeforeAll
    void startThreeNodesInTwoDatacentres() throws IOException {
        data = Files.createTempDirectory("ringside-two-dcs-");
        StackOptions options = TestPorts.CASSANDRA_DCS.stack(data).withNodes(3).withDatacenters(2);
        supervisor = new StackSupervisor(new LocalStack(options));
        long started = System.nanoTime();
        state = supervisor.start(event -> {
            events.add(event);
            System.err.println("[two-dcs] " + event.describe());
        });
        startMillis = (System.nanoTime() - started) / 1_000_000;
        StringBuilder memory = new StringBuilder();
        for (StackState.CassandraNode node : state.cassandra().nodes()) {
            memory.append(" cassandra-").append(node.id()).append(' ')
                    .append(ResidentMemory.ofTree(node.pid()).orElse(0) >> 20).append(" MiB");
        }
        System.err.println("[two-dcs] whole stack ready in " + startMillis + " ms; resident:" + memory);
    }

    /** Stops the three nodes; the data folder goes even if stopping fails. */
    @AfterAll
    void stopAndDelete() {
        try {
            if (supervisor != null) {
                supervisor.close();
            }
        } finally {
            TempFolders.deleteQuietly(data);
        }
    }

    @Test
    @Order(1)
    void threeNodesInTwoDatacentresWithDc1Local() throws Exception {
        assertEquals(List.of("dc1", "dc1", "dc2"), state.cassandra().nodes().stream()
                .map(StackState.CassandraNode::datacenter).toList());
        assertEquals(List.of("rack1", "rack2", "rack1"), state.cassandra().nodes().stream()
                .map(StackState.CassandraNode::rack).toList());
        assertEquals("127.0.0.3", state.node(3).address());
        assertEquals("dc1", state.localDatacenter());
        assertTrue(Files.readString(data.resolve("cassandra/node3/conf/cassandra-rackdc.properties")).contains("dc=dc2"));
        assertTrue(Files.readString(data.resolve("cassandra/node3/conf/cassandra.yaml"))
                .contains("endpoint_snitch: GossipingPropertyFileSnitch"));
        assertTrue(events.stream().anyMatch(e -> e.server().equals("system_auth") && e.phase() == StackEvent.Phase.READY
                && e.detail().startsWith("replicated per data centre")), events.toString());

        try (Backends backends = Backends.open(ConnectionProfile.local(), data, new SessionSecretStore(SecretPrompt.NONE))) {
            assertEquals("dc1", backends.endpoints().localDatacenter(), "the local profile uses dc1");
            CqlSession session = backends.cql();
            awaitThreeUp(session);
            ClusterHealth health = new ClusterHealth(session);
            assertEquals("dc1", health.localDatacenter().orElseThrow());
            List<NodeStatus> nodes = health.status(null);
            assertEquals(List.of("dc1", "dc1", "dc2"), nodes.stream().map(NodeStatus::datacenter).toList());
            assertEquals(List.of("rack1", "rack2", "rack1"), nodes.stream().map(NodeStatus::rack).toList());

            CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
            ClusterViewModel cluster = new ClusterViewModel(
                    new CassandraClusterGateway(new CassandraServices(() -> session)), executor);
            cluster.activate();
            assertTrue(cluster.loadedProperty().get(), cluster.loadErrorProperty().get());
            List<DatacenterGroup> groups = cluster.nodes().groups();
            assertEquals(List.of("dc1", "dc2"), groups.stream().map(DatacenterGroup::datacenter).toList());
            assertTrue(groups.get(0).local() && !groups.get(1).local());
            assertEquals(List.of("rack1", "rack2"), groups.get(0).racks().stream().map(DatacenterGroup.Rack::rack).toList());
            assertEquals(List.of("127.0.0.3"), groups.get(1).nodes().stream().map(NodeStatus::address).toList());
            cluster.deactivate();
        }
    }

    /**
     * The data keyspace is NetworkTopologyStrategy dc1:2, dc2:1, and ownership follows the
     * strategy: with one replica per data centre the lone dc2 node owns the whole ring while dc1's
     * two share it (SimpleStrategy RF 1 would give each node about a third).
     */
    @Test
    @Order(2)
    void replicationAndOwnershipArePerDatacentre() {
        try (CqlSession session = TestStack.cql(state)) {
            awaitThreeUp(session);
            new Pm25Store(session).ensureSchema();
            Map<String, String> replication = replication(session, Pm25Store.KEYSPACE);
            assertEquals("org.apache.cassandra.locator.NetworkTopologyStrategy", replication.get("class"));
            assertEquals("2", replication.get("dc1"));
            assertEquals("1", replication.get("dc2"));
            assertTrue(replication(session, "system_auth").get("class").endsWith("NetworkTopologyStrategy"));

            session.execute(SimpleStatement.newInstance("CREATE KEYSPACE IF NOT EXISTS one_per_dc WITH replication = "
                    + "{'class': 'NetworkTopologyStrategy', 'dc1': 1, 'dc2': 1}").setTimeout(Duration.ofSeconds(60)));
            ClusterHealth health = new ClusterHealth(session);
            Await.until("the token map to know one_per_dc", Duration.ofSeconds(30),
                    () -> session.getMetadata().getKeyspace("one_per_dc").isPresent());
            List<NodeStatus> nodes = health.status("one_per_dc");
            assertEquals(1.0, nodes.get(2).ownership(), 1e-9, nodes.toString());
            assertEquals(1.0, nodes.get(0).ownership() + nodes.get(1).ownership(), 1e-9, nodes.toString());
            assertTrue(nodes.get(0).ownership() > 0 && nodes.get(1).ownership() > 0, nodes.toString());
        }
    }

    @Test
    @Order(3)
    void withTheDc2NodeStoppedATrendReadAtLocalQuorumInDc1Succeeds() throws Exception {
        try (CqlSession session = TestStack.cql(state)) {
            awaitThreeUp(session);
            Pm25Store store = new Pm25Store(session);
            List<DailyPm25> days = new ArrayList<>();
            for (int i = 0; i < DAYS; i++) {
                days.add(new DailyPm25(LOCATION, FROM.plusDays(i), 50 + i % 40, 10, 120, 24));
            }
            store.writeDays(days);

            supervisor.stack().stopNode(3, event -> System.err.println("[two-dcs drill] " + event.describe()));
            Await.until("the driver to see the dc2 node down", Duration.ofSeconds(60), () -> upNodes(session) == 2);
            assertFalse(LocalStack.probe(new StateFile(data.resolve("stack")).read().orElseThrow()).node(3).up());

            long started = System.nanoTime();
            List<Row> rows = session.execute(SimpleStatement.newInstance("SELECT date, avg_pm25 FROM "
                    + Pm25Store.KEYSPACE + "." + Pm25Store.DAILY_TABLE + " WHERE location = ? AND date >= ? AND date <= ?",
                    LOCATION, FROM, FROM.plusDays(DAYS - 1)).setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM)
                    .setIdempotent(true)).all();
            System.err.println("[two-dcs drill] LOCAL_QUORUM trend read with dc2 down: " + rows.size() + " days in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            assertEquals(DAYS, rows.size());
            assertEquals(DAYS, store.readRange(LOCATION, FROM, FROM.plusDays(DAYS - 1)).size());

            ClusterHealth health = new ClusterHealth(session);
            ReplicaWarning warning = health.replicaWarnings().stream()
                    .filter(w -> w.keyspace().equals(Pm25Store.KEYSPACE)).findFirst()
                    .orElseThrow(() -> new AssertionError("no replica warning for " + Pm25Store.KEYSPACE));
            assertEquals(List.of("127.0.0.3"), warning.downNodes());
            assertTrue(warning.working().contains(ConsistencyLevel.LOCAL_QUORUM), warning.message());
            assertTrue(warning.failing().contains(ConsistencyLevel.EACH_QUORUM), warning.message());
        } finally {
            supervisor.stack().startNode(3, event -> System.err.println("[two-dcs drill] " + event.describe()));
        }
        try (CqlSession session = TestStack.cql(state)) {
            awaitThreeUp(session);
            assertNotNull(session.getMetadata().getNodes().values().stream()
                    .filter(n -> "dc2".equals(n.getDatacenter()) && n.getState() == NodeState.UP).findFirst().orElse(null));
        }
    }

    private static Map<String, String> replication(CqlSession session, String keyspace) {
        return session.execute(SimpleStatement.newInstance(
                "SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = ?", keyspace)).one()
                .getMap(0, String.class, String.class);
    }

    /** The dc2 node too: the sessions keep a pool to remote data centres, so the driver knows it up, not UNKNOWN. */
    private static void awaitThreeUp(CqlSession session) {
        Await.until("the driver to see three nodes up", Duration.ofSeconds(90), () -> upNodes(session) == 3);
    }

    private static long upNodes(CqlSession session) {
        return session.getMetadata().getNodes().values().stream().map(Node::getState).filter(NodeState.UP::equals).count();
    }
}
