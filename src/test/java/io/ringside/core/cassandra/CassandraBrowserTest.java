package io.ringside.core.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.ringside.core.BackendUnavailableException;
import io.ringside.core.data.dataset.DatasetKind;
import io.ringside.core.data.dataset.DatasetStore;
import io.ringside.core.data.dataset.ProgressListener;
import io.ringside.testing.Await;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The schema tree, DDL and row pager against the shared stack's real Cassandra. */
@ExtendWith(SharedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CassandraBrowserTest {

    static final String KEYSPACE = ScratchTables.KEYSPACE;
    static final int SENSOR_ROWS = ScratchTables.NORTH_ROWS;

    private CqlSession session;

    @BeforeAll
    void createTables(TestStack stack) {
        session = stack.cql();
        ScratchTables.create(session);
    }

    @AfterAll
    void close() {
        session.close();
    }

    @Test
    void treeListsUserKeyspacesFirstAndGroupsSystemKeyspacesApart() {
        List<KeyspaceInfo> keyspaces = new SchemaBrowser(session).keyspaces();

        int firstSystem = indexOfFirst(keyspaces, true);
        assertTrue(firstSystem > 0, "user keyspaces come first: " + names(keyspaces));
        assertTrue(keyspaces.subList(firstSystem, keyspaces.size()).stream().allMatch(KeyspaceInfo::system),
                "system keyspaces form one group at the end: " + names(keyspaces));
        assertTrue(names(keyspaces).containsAll(List.of(KEYSPACE, "system", "system_schema", "system_views")));
        KeyspaceInfo scratch = keyspaces.stream().filter(k -> k.name().equals(KEYSPACE)).findFirst().orElseThrow();
        assertFalse(scratch.system());
        assertEquals("1", scratch.replication().get("replication_factor"));
        RelationInfo readings = scratch.tables().stream().filter(t -> t.name().equals("readings")).findFirst().orElseThrow();
        assertEquals(RelationKind.TABLE, readings.kind());
        assertEquals(List.of(
                new ColumnInfo("site", "text", ColumnRole.PARTITION_KEY, false),
                new ColumnInfo("day", "int", ColumnRole.PARTITION_KEY, false),
                new ColumnInfo("seq", "int", ColumnRole.CLUSTERING, false),
                new ColumnInfo("unit", "text", ColumnRole.STATIC, false),
                new ColumnInfo("note", "text", ColumnRole.REGULAR, false),
                new ColumnInfo("payload", "blob", ColumnRole.REGULAR, true)), readings.columns());
        KeyspaceInfo views = keyspaces.stream().filter(k -> k.name().equals("system_views")).findFirst().orElseThrow();
        assertTrue(views.tables().stream().anyMatch(t -> t.name().equals("thread_pools")
                && t.kind() == RelationKind.VIRTUAL_TABLE), "virtual tables are listed: " + views.tables());
    }

    @Test
    void ddlOfKeyspaceAndTableIsTheDriversDescribe() {
        SchemaBrowser browser = new SchemaBrowser(session);

        String keyspace = browser.ddl(KEYSPACE);
        String table = browser.ddl(KEYSPACE, "readings");

        assertTrue(keyspace.startsWith("CREATE KEYSPACE browser_test"), keyspace);
        assertTrue(table.startsWith("CREATE TABLE browser_test.readings"), table);
        assertTrue(table.contains("unit text static"), table);
        assertTrue(table.contains("PRIMARY KEY ((site, day), seq)"), table);
        assertThrows(io.ringside.core.NotFoundException.class, () -> browser.ddl(KEYSPACE, "no_such_table"));
    }

    @Test
    void pagingForwardThenBackReturnsTheSameRows() {
        RowPager pager = new RowPager(session);
        PageQuery query = PageQuery.of(KEYSPACE, "readings", 10);
        PageCursor cursor = new PageCursor();

        List<List<Object>> forward = new ArrayList<>();
        RowPage page = pager.fetch(query, cursor.current());
        cursor.arrived(page);
        forward.add(keys(page));
        while (cursor.hasNext()) {
            page = pager.fetch(query, cursor.forward());
            cursor.arrived(page);
            if (!page.rows().isEmpty()) {
                forward.add(keys(page));
            }
        }
        assertTrue(page.last());
        List<Object> all = forward.stream().flatMap(List::stream).toList();
        assertEquals(SENSOR_ROWS + 3, all.size(), "every row once: " + all);
        assertEquals(SENSOR_ROWS + 3, new HashSet<>(all).size());

        int pageNumber = cursor.pageNumber();
        while (cursor.hasPrevious()) {
            RowPage back = pager.fetch(query, cursor.back());
            cursor.arrived(back);
            pageNumber--;
            assertEquals(pageNumber, cursor.pageNumber());
            assertEquals(forward.get(pageNumber - 1), keys(back), "page " + pageNumber + " again");
            assertTrue(cursor.hasNext());
        }
        assertNull(cursor.current());
    }

    @Test
    void partitionFilterBindsTypedValuesAndNamesTheBadColumn() {
        RowPager pager = new RowPager(session);

        RowPage north = pager.fetch(new PageQuery(KEYSPACE, "readings", 100, Map.of("site", "north", "day", "1")), null);
        RowPage quoted = pager.fetch(new PageQuery(KEYSPACE, "readings", 100, Map.of("site", "'south'", "day", " 2 ")), null);
        RowPage none = pager.fetch(new PageQuery(KEYSPACE, "readings", 100, Map.of("site", "north'; DROP", "day", "1")), null);

        assertEquals(SENSOR_ROWS, north.rows().size());
        assertEquals(List.of("north", 1, 0), north.rows().get(0).primaryKey());
        assertEquals(3, quoted.rows().size());
        assertEquals("ppm", quoted.rows().get(0).cells().get(3).shown(), "static column on every row");
        assertEquals(0, none.rows().size(), "values are bound, not spliced into the CQL");
        IllegalArgumentException badType = assertThrows(IllegalArgumentException.class, () ->
                pager.fetch(new PageQuery(KEYSPACE, "readings", 100, Map.of("site", "north", "day", "monday")), null));
        assertTrue(badType.getMessage().contains("'monday'") && badType.getMessage().contains("day")
                && badType.getMessage().contains("int"), badType.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () ->
                pager.fetch(new PageQuery(KEYSPACE, "readings", 100, Map.of("site", "north")), null));
        assertTrue(missing.getMessage().contains("day"), missing.getMessage());
    }

    @Test
    void longTextIsCutForTheGridAndKeptWhole() {
        RowPage page = new RowPager(session).fetch(new PageQuery(KEYSPACE, "readings", 10,
                Map.of("site", "north", "day", "1")), null);

        Cell note = page.rows().get(3).cells().get(4);
        assertTrue(note.truncated());
        assertEquals(Cell.TEXT_LIMIT + 1, note.shown().length());
        assertEquals(5_000, note.full().length());
        assertFalse(page.rows().get(2).cells().get(4).truncated());
        RowPager pager = new RowPager(session);
        Cell missingBlob = pager.fetch(new PageQuery(KEYSPACE, "readings", 10,
                Map.of("site", "south", "day", "2")), null).rows().get(0).cells().get(5);
        assertEquals(pager.serverHasOctetLength() ? Cell.Kind.NULL : Cell.Kind.BLOB, missingBlob.kind());
        assertEquals(0, pager.blobHead(KEYSPACE, "readings", List.of("south", 2, 0), "payload").size());
    }

    @Test
    void datasetChunksArePagedWithoutTheirBytesAndOneHeadIsFetchedOnDemand(TestStack stack) throws IOException {
        Path file = Files.createTempFile("browser-chunks", ".bin");
        try {
            byte[] raw = new byte[6 * 1024 * 1024];
            new Random(7).nextBytes(raw);
            Files.write(file, raw);
            new DatasetStore(session).load("browser-blobs", file, DatasetKind.BINARY, ProgressListener.NONE);
        } finally {
            Files.deleteIfExists(file);
        }
        RowPager pager = new RowPager(session);
        PageQuery query = new PageQuery("datasets", "dataset_chunk", 2,
                Map.of("name", "browser-blobs", "version", "1", "bucket", "0"));

        RowPage page = pager.fetch(query, null);

        assertEquals(2, page.rows().size());
        int data = indexOf(page.columns(), "data");
        int gzBytes = indexOf(page.columns(), "gz_bytes");
        assertTrue(page.columns().get(data).blob());
        for (RowPage.Row row : page.rows()) {
            Cell cell = row.cells().get(data);
            assertEquals(Cell.Kind.BLOB, cell.kind());
            assertEquals("", cell.full(), "no blob bytes in a page");
            if (pager.serverHasOctetLength()) {
                assertEquals(Long.parseLong(row.cells().get(gzBytes).shown()), cell.bytes());
            } else {
                assertEquals(-1, cell.bytes());
            }
        }
        RowPage.Row first = page.rows().get(0);
        BlobHead head = pager.blobHead("datasets", "dataset_chunk", first.primaryKey(), "data");
        assertEquals(Long.parseLong(first.cells().get(gzBytes).shown()), head.size());
        assertEquals(BlobHead.HEAD_BYTES, head.head().length);
        assertTrue(head.hex().startsWith("1f 8b"), "every chunk is a gzip member: " + head.hex());
        assertTrue(head.hex().endsWith("…"));
    }

    @Test
    void sizeEstimateIsEmptyOrAPartitionCount() {
        var estimate = new SizeEstimates(session).partitions(KEYSPACE, "readings");
        estimate.ifPresent(count -> assertTrue(count > 0, "a known estimate is never zero"));
        assertTrue(new SizeEstimates(session).partitions(KEYSPACE, "no_such_table").isEmpty());
        assertNotNull(estimate);
    }

    private static int indexOf(List<ColumnInfo> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name + " in " + columns);
    }

    private static List<Object> keys(RowPage page) {
        return page.rows().stream().map(row -> (Object) row.primaryKey()).toList();
    }

    private static int indexOfFirst(List<KeyspaceInfo> keyspaces, boolean system) {
        for (int i = 0; i < keyspaces.size(); i++) {
            if (keyspaces.get(i).system() == system) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> names(List<KeyspaceInfo> keyspaces) {
        return keyspaces.stream().map(KeyspaceInfo::name).toList();
    }

    @Test
    void systemKeyspacesMissingFromTheDriversMetadataStillHaveColumnsDdlAndRows() {
        SchemaBrowser browser = new SchemaBrowser(session);

        RelationInfo local = browser.relation("system", "local");
        RelationInfo pools = browser.relation("system_views", "thread_pools");
        String ddl = browser.ddl("system", "peers_v2");
        RowPage page = new RowPager(session).fetch(PageQuery.of("system_views", "thread_pools", 5), null);

        assertEquals(new ColumnInfo("key", "text", ColumnRole.PARTITION_KEY, false), local.columns().get(0));
        assertEquals(RelationKind.VIRTUAL_TABLE, pools.kind());
        assertTrue(ddl.contains("PRIMARY KEY (peer, peer_port)"), ddl);
        assertTrue(browser.ddl("system_auth").startsWith("CREATE KEYSPACE system_auth WITH replication"));
        assertEquals(5, page.rows().size());
        assertFalse(page.last());
        assertEquals("SELECT key, bootstrapped FROM browser_test.t", RowPager.selectCql(new RelationInfo(KEYSPACE, "t",
                RelationKind.TABLE, List.of(new ColumnInfo("key", "blob", ColumnRole.PARTITION_KEY, true),
                new ColumnInfo("data", "blob", ColumnRole.REGULAR, true),
                new ColumnInfo("bootstrapped", "text", ColumnRole.REGULAR, false))), false),
                "a blob key is selected, a blob value is not");
    }

    @Test
    void singleNodeHealthLooksLikeNodetoolStatus() {
        ClusterHealth health = new ClusterHealth(session);

        List<NodeStatus> nodes = health.status(KEYSPACE);
        NodeStatus node = nodes.get(0);
        NodeDetails details = health.details(node.hostId());

        assertEquals(1, nodes.size());
        assertEquals("UN", node.state());
        assertEquals("127.0.0.1", node.address());
        assertEquals("datacenter1", node.datacenter());
        assertTrue(node.tokens() > 0, "tokens: " + node.tokens());
        assertEquals(1.0, node.ownership(), 1e-9);
        assertTrue(node.loadBytes() > 0, "gossiped load: " + node.loadBytes());
        assertTrue(node.version().startsWith("5.0"), node.version());
        assertTrue(node.schemaAgrees());
        assertTrue(health.schemaAgreement());
        assertTrue(details.threadPools().stream().anyMatch(p -> p.name().equals("ReadStage")), "" + details.threadPools());
        assertFalse(details.clients().isEmpty(), "this session is a client");
        assertTrue(details.caches().stream().anyMatch(c -> c.name().equals("keys")));
        assertTrue(health.replicaWarnings().isEmpty());
        assertEquals(Map.of(node.hostId(), true), health.liveness());
    }

    /**
     * A node's virtual tables longer than a page are read whole: with three rows a page, the thread
     * pools and caches are those read with the driver's page. Only the first page was read, and on a
     * node with more client connections than a page holds the Clients tab stopped there.
     */
    @Test
    void nodeDetailsReadEveryPageOfTheNodesTables() {
        UUID hostId = new ClusterHealth(session).status(null).get(0).hostId();
        ResultSet firstPage = session.execute(SimpleStatement.newInstance("SELECT name FROM system_views.thread_pools")
                .setPageSize(3));
        assertEquals(3, firstPage.getAvailableWithoutFetching(), "a virtual table answers a page at a time");
        assertTrue(firstPage.getExecutionInfo().getPagingState() != null, "more pages follow");

        NodeDetails whole = new ClusterHealth(session).details(hostId);
        NodeDetails paged = new ClusterHealth(session, Clock.systemUTC(), 3).details(hostId);

        assertTrue(whole.threadPools().size() > 3, "pools: " + whole.threadPools().size());
        assertEquals(whole.threadPools().stream().map(NodeDetails.ThreadPool::name).sorted().toList(),
                paged.threadPools().stream().map(NodeDetails.ThreadPool::name).sorted().toList());
        assertEquals(whole.caches().stream().map(NodeDetails.CacheStats::name).sorted().toList(),
                paged.caches().stream().map(NodeDetails.CacheStats::name).sorted().toList());
    }

    /**
     * A hung node (SIGSTOP: its connection stays open and the driver still sees it up): its details
     * fail naming it, and the node table comes back without its schema version, each within one
     * deadline. Asked one question after another, each waiting out its own 5 s time-out, the table
     * took 5 s a question (gossip, each node's schema version, agreement), and the details failed with
     * the driver's "Query timed out after PT5S", naming no node.
     */
    @Test
    void aHungNodeCostsEachCallOneDeadline(TestStack stack) throws Exception {
        ClusterHealth health = new ClusterHealth(session);
        UUID hostId = health.status(null).get(0).hostId();
        long pid = stack.state().cassandra().nodes().get(0).pid();
        Duration bound = ClusterHealth.TIMEOUT.plusMillis(1500);
        signal("STOP", pid);
        try {
            long start = System.nanoTime();
            BackendUnavailableException failed = assertThrows(BackendUnavailableException.class,
                    () -> health.details(hostId));
            Duration detailsTook = Duration.ofNanos(System.nanoTime() - start);
            start = System.nanoTime();
            HealthReport report = health.report(null);
            Duration reportTook = Duration.ofNanos(System.nanoTime() - start);

            assertTrue(detailsTook.compareTo(bound) < 0, "the details failed after " + detailsTook);
            assertTrue(failed.getMessage().contains("127.0.0.1"), failed.getMessage());
            assertTrue(reportTook.compareTo(bound) < 0, "the node table came after " + reportTook);
            assertEquals(1, report.nodes().size());
            assertNull(report.nodes().get(0).schemaVersion(), "no answer, no schema version");
        } finally {
            signal("CONT", pid);
        }
        // answering again before the next test
        Await.until("the node's details again", Duration.ofSeconds(60), () -> {
            try {
                return !health.details(hostId).threadPools().isEmpty();
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor());
    }

    /**
     * The latency tables' {@code *_ms} columns hold seconds on Cassandra 5.0 (see
     * {@link ClusterHealth#MS_PER_LATENCY_UNIT}): reads of a wide partition, timed by the client, must
     * come back from the node's own figure as milliseconds no larger than the client saw and not a
     * thousandth of it.
     */
    @Test
    void coordinatorLatencyIsReadInMilliseconds() {
        int rows = 10_000;
        session.execute("CREATE TABLE IF NOT EXISTS " + KEYSPACE + ".latency_probe (k int, c int, v text, "
                + "PRIMARY KEY (k, c))");
        var insert = session.prepare("INSERT INTO " + KEYSPACE + ".latency_probe (k, c, v) VALUES (1, ?, 'x')");
        for (int from = 0; from < rows; from += 200) {
            var batch = BatchStatement.builder(DefaultBatchType.UNLOGGED);
            for (int c = from; c < from + 200; c++) {
                batch.addStatement(insert.bind(c));
            }
            session.execute(batch.build());
        }
        long slowestNanos = 0;
        for (int read = 0; read < 3; read++) {
            long start = System.nanoTime();
            var result = session.execute(SimpleStatement.newInstance(
                    "SELECT * FROM " + KEYSPACE + ".latency_probe WHERE k = 1").setPageSize(rows));
            assertEquals(rows, result.all().size());
            slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
        }
        double clientSlowestMs = slowestNanos / 1e6;

        var row = session.execute("SELECT p99th_ms, max_ms FROM system_views.coordinator_read_latency "
                + "WHERE keyspace_name = '" + KEYSPACE + "' AND table_name = 'latency_probe'").one();
        double p99Ms = row.getDouble(0) * ClusterHealth.MS_PER_LATENCY_UNIT;
        double maxMs = row.getDouble(1) * ClusterHealth.MS_PER_LATENCY_UNIT;
        String figures = "node p99 " + p99Ms + " ms, max " + maxMs + " ms; client's slowest read " + clientSlowestMs + " ms";
        // the node times part of what the client times; its histogram's buckets are up to 20 % wide
        assertTrue(maxMs >= 1 && maxMs <= clientSlowestMs * 1.25 + 1, figures);
        assertTrue(p99Ms >= 1 && p99Ms <= maxMs, figures);
        ClusterHealth health = new ClusterHealth(session);
        UUID hostId = health.status(null).get(0).hostId();
        assertTrue(health.details(hostId).reads().p99Ms() >= p99Ms, "the worst table's p99 is at least this one's: "
                + health.details(hostId).reads() + "; " + figures);
    }

    @Test
    void consistencyLevelsAreJudgedOnLiveReplicas() {
        var oneOfTwo = new ClusterHealth.RangeReplicas(1, 2, Map.of("dc1", new int[] {1, 2}));
        var twoOfThree = new ClusterHealth.RangeReplicas(2, 3, Map.of("dc1", new int[] {2, 3}));

        assertTrue(oneOfTwo.satisfies(com.datastax.oss.driver.api.core.ConsistencyLevel.ONE));
        assertTrue(oneOfTwo.satisfies(com.datastax.oss.driver.api.core.ConsistencyLevel.LOCAL_ONE));
        assertFalse(oneOfTwo.satisfies(com.datastax.oss.driver.api.core.ConsistencyLevel.QUORUM));
        assertFalse(oneOfTwo.satisfies(com.datastax.oss.driver.api.core.ConsistencyLevel.LOCAL_QUORUM));
        assertFalse(oneOfTwo.satisfies(com.datastax.oss.driver.api.core.ConsistencyLevel.ALL));
        assertTrue(twoOfThree.satisfies(com.datastax.oss.driver.api.core.ConsistencyLevel.QUORUM));
        assertTrue(twoOfThree.satisfies(com.datastax.oss.driver.api.core.ConsistencyLevel.LOCAL_QUORUM));
        assertFalse(twoOfThree.satisfies(com.datastax.oss.driver.api.core.ConsistencyLevel.THREE));
    }

    @Test
    void cursorRefusesToMovePastEitherEnd() {
        PageCursor cursor = new PageCursor();
        assertThrows(IllegalStateException.class, cursor::back);
        assertThrows(IllegalStateException.class, cursor::forward);
        assertNotEquals(0, cursor.pageNumber());
    }
}
