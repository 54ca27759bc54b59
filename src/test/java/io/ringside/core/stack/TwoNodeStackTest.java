package io.ringside.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import io.ringside.core.cassandra.ClusterHealth;
import io.ringside.core.cassandra.NodeStatus;
import io.ringside.core.cassandra.ReplicaWarning;
import io.ringside.core.cassandra.CassandraServices;
import io.ringside.core.cassandra.NotEnoughReplicasException;
import io.ringside.core.connect.Backends;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.SecretPrompt;
import io.ringside.core.connect.SessionSecretStore;
import io.ringside.core.data.dataset.DatasetKind;
import io.ringside.core.data.dataset.DatasetManifest;
import io.ringside.core.data.dataset.DatasetStatus;
import io.ringside.core.data.dataset.DatasetStore;
import io.ringside.core.data.dataset.LoadControl;
import io.ringside.core.data.dataset.LoadResult;
import io.ringside.core.data.dataset.ProgressListener;
import io.ringside.core.data.dataset.VerifyResult;
import io.ringside.testing.Await;
import io.ringside.testing.CliRun;
import io.ringside.testing.StackTeardown;
import io.ringside.testing.TestPorts;
import io.ringside.testing.TestStack;
import io.ringside.ui.cluster.CassandraClusterGateway;
import io.ringside.ui.cluster.ClusterScreen;
import io.ringside.ui.cluster.ClusterViewModel;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A ring that grows from one node to two on 127.0.0.1 and 127.0.0.2, for replication-factor-2
 * drills: the data keyspaces made on one node are raised to RF 2 as the second joins; a node
 * stopped through the CLI drill is seen down while reads at ONE keep working, and it rejoins when
 * started again; a dataset load that loses a node goes on at ONE; the plain ring becomes a secure
 * one. Tagged, since a multi-node ring is the most expensive stack of the suite.
 */
@Tag("multi-node")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeStackTest {

    private static final String BEFORE_GROWTH = "before-growth";

    private Path data;
    private StackSupervisor supervisor;
    private StackState state;
    private final List<String> growthEvents = new CopyOnWriteArrayList<>();

    /** One node first, with a dataset (and so the {@code datasets} keyspace at RF 1); then {@code --nodes 2}. */
    @BeforeAll
    void startOneNodeThenTwo() throws IOException {
        data = Files.createTempDirectory("ringside-two-nodes-");
        StackOptions options = TestPorts.TWO_NODE_STACK.stack(data);
        supervisor = new StackSupervisor(new LocalStack(options));
        state = supervisor.start(event -> System.err.println("[one-node] " + event.describe()));
        Path small = randomFile("before-growth.bin", 1 << 20);
        try (CqlSession session = TestStack.cql(state)) {
            new DatasetStore(session).load(BEFORE_GROWTH, small, DatasetKind.BINARY, ProgressListener.NONE);
            assertEquals(1, replicationFactor(session, "datasets"));
        }
        supervisor.close();
        supervisor = new StackSupervisor(new LocalStack(options.withNodes(2)));
        state = supervisor.start(event -> {
            growthEvents.add(event.server() + ": " + event.detail());
            System.err.println("[two-node] " + event.describe());
        });
    }

    @Test
    @Order(1)
    void growingToTwoNodesRaisesTheDataKeyspacesToTwoReplicas() {
        String raised = "datasets: replication factor raised to 2; cassandra-2 streams its copy as it joins";
        assertTrue(growthEvents.contains(raised), growthEvents.toString());
        try (CqlSession session = TestStack.cql(state)) {
            assertEquals(2, replicationFactor(session, "datasets"));
        }
    }

    @AfterAll
    void stop() {
        StackTeardown.stopAndDelete(supervisor, data);
    }

    @Test
    @Order(2)
    void aNodeStoppedByTheDrillIsDownWhileReadsAtOneGoOn() throws TimeoutException {
        assertEquals("127.0.0.2", state.node(2).address());
        startStoppedNodes();
        try (CqlSession session = TestStack.cql(state)) {
            Await.until("the driver to see two nodes up", Duration.ofSeconds(60), () -> upNodes(session) == 2);
            session.execute("CREATE KEYSPACE IF NOT EXISTS rf2 WITH replication = "
                    + "{'class': 'SimpleStrategy', 'replication_factor': 2}");
            session.execute("CREATE TABLE IF NOT EXISTS rf2.t (id int PRIMARY KEY, v text)");
            session.execute(SimpleStatement.newInstance("INSERT INTO rf2.t (id, v) VALUES (1, 'both')")
                    .setConsistencyLevel(ConsistencyLevel.ALL));

            ClusterHealth health = new ClusterHealth(session);
            Await.until("both nodes UN in the health table", Duration.ofSeconds(60),
                    () -> states(health.status("rf2")).equals(List.of("UN", "UN")));
            assertTrue(health.status("rf2").stream().allMatch(n -> Math.abs(n.ownership() - 1.0) < 1e-9),
                    "RF 2 on two nodes: each owns everything");
            assertTrue(health.replicaWarnings().isEmpty(), health.replicaWarnings().toString());

            CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
            ClusterViewModel cluster = new ClusterViewModel(
                    new CassandraClusterGateway(new CassandraServices(() -> session)), executor);
            cluster.activate();
            assertTrue(cluster.loadedProperty().get(), cluster.loadErrorProperty().get());
            executor.runScheduled();
            try (ClusterScreen screen = ClusterScreen.showNodes(session)) {
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> screen.renderedStates().equals(List.of("UN", "UN")));

                CliRun stop = CliRun.of("--data", data.toString(), "stack", "stop-node", "2");
                assertEquals(0, stop.exitCode(), stop.err());
                assertTrue(stop.out().lines().anyMatch(l -> l.startsWith("cassandra-2") && l.contains("down")), stop.out());
                Await.until("the driver to see node 2 down", Duration.ofSeconds(60), () -> upNodes(session) == 1);
                // the 2 s target is measured by bench cluster-ui; here a loaded machine only gets a generous deadline
                long noticed = System.nanoTime();
                List<String> seen = new CopyOnWriteArrayList<>();
                try {
                    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                        String shown = String.valueOf(screen.renderedStates());
                        if (seen.isEmpty() || !seen.get(seen.size() - 1).endsWith(shown)) {
                            seen.add((System.nanoTime() - noticed) / 1_000_000 + " ms: " + shown);
                        }
                        return shown.equals(List.of("UN", "DN").toString());
                    });
                } catch (TimeoutException e) {
                    throw new AssertionError("node table never showed [UN, DN]; it showed " + seen + "; the screen: "
                            + screen.describe() + "; the driver " + health.liveness() + ", the health table "
                            + states(health.status("rf2")), e);
                }
                System.err.println("[two-node] node table after the driver noticed: " + seen + "; " + screen.describe());
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, screen::bannerShown);
                assertTrue(screen.bannerText().contains("Keyspace rf2 (RF 2)"), screen.bannerText());
            }
            String v = session.execute(SimpleStatement.newInstance("SELECT v FROM rf2.t WHERE id = 1")
                    .setConsistencyLevel(ConsistencyLevel.ONE).setIdempotent(true)).one().getString(0);
            assertEquals("both", v);
            List<NodeStatus> nodes = health.status("rf2");
            assertEquals(List.of("UN", "DN"), states(nodes), "node 2 is DN as soon as the driver noticed: " + nodes);
            assertEquals("127.0.0.2", nodes.get(1).address());
            ReplicaWarning warning = health.replicaWarnings().stream().filter(w -> w.keyspace().equals("rf2"))
                    .findFirst().orElseThrow(() -> new AssertionError("no replica warning for rf2"));
            assertEquals(List.of("127.0.0.2"), warning.downNodes());
            assertEquals(2, warning.replicationFactor());
            assertTrue(warning.working().containsAll(List.of(ConsistencyLevel.ONE, ConsistencyLevel.LOCAL_ONE)), warning.message());
            assertTrue(warning.failing().containsAll(List.of(ConsistencyLevel.QUORUM, ConsistencyLevel.LOCAL_QUORUM,
                    ConsistencyLevel.ALL)), warning.message());
            executor.runScheduled();
            NodeStatus shown = cluster.nodes().nodes().get(1);
            assertEquals("DN", shown.state(), "the node table at the first liveness poll after the driver noticed");
            assertTrue(cluster.nodes().bannerShownProperty().get());
            assertTrue(cluster.nodes().bannerProperty().get().contains("Keyspace rf2 (RF 2): replica 127.0.0.2 is down"),
                    cluster.nodes().bannerProperty().get());
            cluster.deactivate();
            assertFalse(LocalStack.probe(new StateFile(data.resolve("stack")).read().orElseThrow()).node(2).up());

            CliRun start = CliRun.of("--data", data.toString(), "stack", "start-node", "2");
            assertEquals(0, start.exitCode(), start.err());
            Await.until("the driver to see node 2 back", Duration.ofSeconds(90), () -> upNodes(session) == 2);
        }
    }

    /**
     * Node 1 is stopped for real in the middle of a load at RF 2: the load goes on at ONE, its
     * progress says so, and the version is complete. With node 1 still down, the dataset written
     * before the ring grew is read whole from node 2, which got its copy when it joined.
     */
    @Test
    @Order(3)
    void aLoadThatLosesANodeGoesOnAtOneAndSaysSo() throws Exception {
        Path file = randomFile("rf2-load.bin", 24 << 20);
        List<String> notes = new CopyOnWriteArrayList<>();
        AtomicInteger chunks = new AtomicInteger();
        startStoppedNodes();
        try (CqlSession session = TestStack.cql(state)) {
            Await.until("the driver to see two nodes up", Duration.ofSeconds(60), () -> upNodes(session) == 2);
            DatasetStore store = new DatasetStore(session);
            ProgressListener progress = p -> {
                chunks.set(p.chunks());
                if (p.note() != null && !notes.contains(p.note())) {
                    notes.add(p.note());
                }
            };
            CompletableFuture<LoadResult> load = CompletableFuture.supplyAsync(() -> store.load("rf2-drill", file,
                    DatasetKind.BINARY, progress, new LoadControl(null, 1_000_000, () -> null, nanos -> { })));
            Await.until("the first chunk written at LOCAL_QUORUM", Duration.ofSeconds(60),
                    () -> chunks.get() > 0 || load.isDone());
            assertFalse(load.isDone(), "the load must still be running when the node is stopped");
            CliRun stop = CliRun.of("--data", data.toString(), "stack", "stop-node", "1");
            assertEquals(0, stop.exitCode(), stop.err());

            LoadResult result = load.get(3, TimeUnit.MINUTES);
            assertTrue(notes.stream().anyMatch(n -> n.startsWith("writing at ONE")), notes.toString());
            assertTrue(result.degradedReason() != null && result.degradedReason().startsWith("writing at ONE"),
                    String.valueOf(result.degradedReason()));
            DatasetManifest manifest = store.manifest("rf2-drill", result.version()).orElseThrow();
            assertEquals(DatasetStatus.COMPLETE, manifest.status());
            assertTrue(manifest.meta().containsKey(DatasetManifest.META_DEGRADED), manifest.meta().toString());

            VerifyResult before = store.verify(BEFORE_GROWTH, 1);
            assertTrue(before.wholeShaMatches() && before.badChunks().isEmpty(), before.toString());

            RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                    () -> session.execute(SimpleStatement.newInstance("INSERT INTO datasets.dataset_chunk "
                            + "(name, version, bucket, seq) VALUES ('x', 1, 0, 0)")
                            .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM).setIdempotent(true)));
            String message = NotEnoughReplicasException.in(refused).map(Exception::getMessage).orElse(refused.toString());
            assertTrue(message.startsWith("Not enough Cassandra replicas alive: LOCAL_QUORUM needs 2, only 1 alive"),
                    message);
        } finally {
            startStoppedNodes();
        }
    }

    /**
     * The plain two-node ring started with {@code --secure}: node 1's login needs the roles that
     * may live on node 2 (system_auth at one replica), so neither may wait for the login before
     * both are up. The stack's user then logs in, and system_auth has two replicas.
     */
    @Test
    @Order(4)
    void theTwoNodeRingBecomesSecure() {
        supervisor.close();
        supervisor = new StackSupervisor(new LocalStack(TestPorts.TWO_NODE_STACK.stack(data).withNodes(2).withSecure(true)));
        state = supervisor.start(event -> System.err.println("[secure two-node] " + event.describe()));
        assertTrue(state.secure());
        try (Backends backends = Backends.open(ConnectionProfile.local(), data,
                new SessionSecretStore(SecretPrompt.NONE))) {
            CqlSession session = backends.cql();
            assertEquals(2, replicationFactor(session, "system_auth"));
            assertEquals(2, session.getMetadata().getNodes().size());
        }
    }

    /**
     * Starts again, through the CLI drill, any node of the ring that is not running: a drill that
     * failed half-way (a node stopped, the assertion before its start failing) must not leave the
     * next test a one-node ring to time out on.
     */
    private void startStoppedNodes() {
        StackState probed = LocalStack.probe(new StateFile(data.resolve("stack")).read().orElseThrow());
        for (StackState.CassandraNode node : probed.cassandra().nodes()) {
            if (!node.up()) {
                CliRun start = CliRun.of("--data", data.toString(), "stack", "start-node", Integer.toString(node.id()));
                assertEquals(0, start.exitCode(), start.err());
            }
        }
    }

    private Path randomFile(String name, int bytes) throws IOException {
        byte[] content = new byte[bytes];
        new Random(bytes).nextBytes(content);
        return Files.write(data.resolve(name), content);
    }

    private static int replicationFactor(CqlSession session, String keyspace) {
        return Integer.parseInt(session.execute(SimpleStatement.newInstance(
                "SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = ?", keyspace)).one()
                .getMap(0, String.class, String.class).get("replication_factor"));
    }

    private static List<String> states(List<NodeStatus> nodes) {
        return nodes.stream().map(NodeStatus::state).toList();
    }

    private static long upNodes(CqlSession session) {
        return session.getMetadata().getNodes().values().stream().map(Node::getState).filter(NodeState.UP::equals).count();
    }
}
