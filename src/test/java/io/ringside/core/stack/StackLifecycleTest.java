package io.ringside.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.ringside.testing.Await;
import io.ringside.testing.CliRun;
import io.ringside.testing.StackTeardown;
import io.ringside.testing.TestPorts;
import io.ringside.testing.TestStack;
import io.ringside.ui.stack.LocalStackGateway;
import io.ringside.ui.stack.StackMode;
import io.ringside.ui.stack.StackViewModel;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The destructive life of one stack of its own, step by step: start with a port taken, write
 * data, stop, restart under a console with the data intact, stopped by {@code stack down} in a
 * terminal and started again by the console, fail cleanly on a corrupt data folder (leaving a
 * {@code --secure} conversion undone), and die with a SIGKILLed parent. Steps share the data folder, so they run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackLifecycleTest {


    private Path data;
    private ServerSocket squatter;
    private StackOptions options;
    private StackSupervisor supervisor;
    private StackState firstState;
    private StackViewModel consoleStack;

    @BeforeAll
    void occupyTheCqlPort() throws IOException {
        data = Files.createTempDirectory("ringside-lifecycle-");
        options = TestPorts.LIFECYCLE_STACK.stack(data);
        squatter = new ServerSocket();
        squatter.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), options.cqlPort()));
    }

    @AfterAll
    void cleanUp() throws IOException {
        if (consoleStack != null) {
            consoleStack.shutdown(() -> { });
        }
        squatter.close();
        StackTeardown.stopAndDelete(supervisor, data);
    }

    @Test
    @Order(1)
    void aTakenPortMovesToTheNextFreeOneAndIsRecorded() {
        supervisor = new StackSupervisor(new LocalStack(options));
        List<StackEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        firstState = supervisor.start(event -> {
            events.add(event);
            System.err.println("[lifecycle] " + event.describe());
        });
        int cql = firstState.node(1).port();
        assertNotEquals(options.cqlPort(), cql, "the squatted CQL port must not be chosen");
        assertTrue(cql > options.cqlPort());
        PortMove moved = new PortMove("cassandra-1", "CQL", options.cqlPort(), cql);
        assertEquals(List.of(moved), supervisor.stack().portMoves());
        StackEvent said = moved.event();
        // the same step, whenever it was said (an event carries its time)
        assertTrue(events.stream().anyMatch(e -> e.server().equals(said.server()) && e.phase() == said.phase()
                && e.detail().equals(said.detail())), "the start says the port moved: " + events);
        assertEquals("CQL port " + options.cqlPort() + " was in use, so cassandra-1 listens on " + cql, moved.describe());
        assertEquals(cql, new StateFile(options.stackFolder()).read().orElseThrow().node(1).port());
        try (CqlSession session = TestStack.cql(firstState)) {
            session.execute("CREATE KEYSPACE IF NOT EXISTS drill WITH replication = "
                    + "{'class': 'SimpleStrategy', 'replication_factor': 1}");
            session.execute("CREATE TABLE IF NOT EXISTS drill.kept (id int PRIMARY KEY, note text)");
            session.execute("INSERT INTO drill.kept (id, note) VALUES (1, 'written before the restart')");
        }
        try (Admin admin = TestStack.kafkaAdmin(firstState)) {
            admin.createTopics(List.of(new NewTopic("ringside.lifecycle", 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Order(2)
    void downLeavesNoProcessAndNoListeningPort() {
        List<Long> pids = pids(firstState = new StateFile(options.stackFolder()).read().orElseThrow());
        assertEquals(3, pids.size());
        supervisor.close();
        supervisor = null;
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " still alive");
        }
        for (int port : ports(firstState)) {
            assertFalse(PortAllocator.isListening("127.0.0.1", port), "port " + port + " still listening");
        }
        StackState recorded = new StateFile(options.stackFolder()).read().orElseThrow();
        assertFalse(recorded.node(1).up() || recorded.kafka().up() || recorded.redis().up());
    }

    /**
     * The console supervises the restarted stack (its gateway and view-model, as the Local stack
     * page drives them); {@code stack down} in a terminal stops the stack within 30 s and leaves
     * the console (this JVM) alive, showing the stack stopped; the console starts it again.
     */
    @Test
    @Order(3)
    void aStackDownFromTheCliStopsTheConsolesStackAndTheConsoleStartsItAgain() throws Exception {
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        LocalStackGateway gateway = new LocalStackGateway(options);
        StackViewModel console = new StackViewModel(gateway, executor, new FakeDialogService(),
                java.time.Clock.systemUTC(), true);
        consoleStack = console;
        console.open();
        assertEquals(StackMode.RUNNING, console.modeProperty().get(), console.errorMessageProperty().get());
        StackState state = gateway.status().orElseThrow();
        assertEquals(ProcessHandle.current().pid(), state.supervisor().pid());
        assertTrue(state.supervisor().console());
        assertRestartedWithTheSameEndpointsAndData(state);
        List<Long> servers = pids(state);

        long began = System.nanoTime();
        CliRun down = CliRun.in(data, "stack", "down");
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        assertEquals(0, down.exitCode(), down.err());
        assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "stack down took " + took + ":\n" + down.err());
        assertTrue(down.err().contains("stays open"), down.err());
        for (long pid : servers) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " still alive");
        }
        assertEquals(null, gateway.status().orElseThrow().supervisor());

        executor.runScheduled();
        assertEquals(StackMode.STOPPED, console.modeProperty().get());
        assertFalse(console.supervisingProperty().get());
        assertTrue(console.canStartProperty().get());

        console.start();
        assertEquals(StackMode.RUNNING, console.modeProperty().get(), console.errorMessageProperty().get());
        assertRestartedWithTheSameEndpointsAndData(gateway.status().orElseThrow());
        console.shutdown(() -> { });
        consoleStack = null;
        assertFalse(LocalStack.probe(new StateFile(options.stackFolder()).read().orElseThrow()).allUp());
    }

    private void assertRestartedWithTheSameEndpointsAndData(StackState state) throws Exception {
        assertEquals(firstState.node(1).port(), state.node(1).port());
        assertEquals(firstState.kafka().port(), state.kafka().port());
        assertEquals(firstState.redis().port(), state.redis().port());
        assertEquals(firstState.kafka().clusterId(), state.kafka().clusterId());
        try (CqlSession session = TestStack.cql(state)) {
            Row row = session.execute("SELECT note FROM drill.kept WHERE id = 1").one();
            assertEquals("written before the restart", row == null ? null : row.getString("note"));
        }
        try (Admin admin = TestStack.kafkaAdmin(state)) {
            assertTrue(admin.listTopics().names().get(60, TimeUnit.SECONDS).contains("ringside.lifecycle"));
        }
    }

    /** Also a first {@code --secure} start of this plain folder: failing, it leaves the folder plain. */
    @Test
    @Order(4)
    void aForeignKafkaDataFolderIsReportedAndNothingIsLeftRunning() throws IOException {
        Path meta = data.resolve("kafka/data/meta.properties");
        String original = Files.readString(meta);
        String tampered = original.replaceAll("cluster.id=.*", "cluster.id=AAAAAAAAAAAAAAAAAAAAAA");
        Files.writeString(meta, tampered);
        try {
            StackSupervisor failing = new StackSupervisor(new LocalStack(options.withSecure(true)));
            StackException error = assertThrows(StackException.class, () -> failing.start(StackListener.NONE));
            assertTrue(error.getMessage().contains("kafka") || error.getMessage().contains("Kafka"), error.getMessage());
            assertTrue(error.getMessage().contains("AAAAAAAAAAAAAAAAAAAAAA"), error.getMessage());
            assertEquals(tampered, Files.readString(meta), "the data folder must not be rewritten");
            StackState after = LocalStack.probe(new StateFile(options.stackFolder()).read().orElseThrow());
            assertFalse(after.node(1).up() || after.kafka().up() || after.redis().up(), "servers left running: " + after);
            assertFalse(after.secure(), "a failed --secure conversion leaves the folder plain, as it was");
            assertTrue(error.getMessage().contains("stays as it was"), error.getMessage());
        } finally {
            Files.writeString(meta, original);
        }
    }

    @Test
    @Order(5)
    void killingTheParentKillsTheChildren() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "io.ringside.Main", "--data", data.toString(), "stack", "up"));
        Path log = data.resolve("parent.log");
        Process parent = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        StackClient client = new StackClient(data);
        StackState running;
        try {
            running = Await.value("the child stack to be up", Duration.ofMinutes(4), () -> {
                if (!parent.isAlive()) {
                    throw new AssertionError("stack up exited early: " + read(log));
                }
                return client.status()
                        .filter(s -> s.supervisor() != null && s.supervisor().pid() == parent.pid() && s.allUp())
                        .orElse(null);
            });
        } catch (AssertionError e) {
            parent.destroyForcibly();
            throw e;
        }
        List<Long> children = pids(running);
        parent.destroyForcibly();
        assertTrue(parent.waitFor(30, TimeUnit.SECONDS));
        Await.until("the children of a SIGKILLed parent to exit", Duration.ofSeconds(90),
                () -> children.stream().noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
        Await.until("the stack's ports to close", Duration.ofSeconds(30),
                () -> ports(running).stream().noneMatch(port -> PortAllocator.isListening("127.0.0.1", port)));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static List<Long> pids(StackState state) {
        List<Long> pids = new ArrayList<>();
        state.cassandra().nodes().forEach(n -> pids.add(n.pid()));
        pids.add(state.kafka().pid());
        pids.add(state.redis().pid());
        pids.removeIf(java.util.Objects::isNull);
        return pids;
    }

    private static List<Integer> ports(StackState state) {
        return List.of(state.node(1).port(), state.node(1).storagePort(), state.kafka().port(),
                state.kafka().controllerPort(), state.redis().port());
    }
}
