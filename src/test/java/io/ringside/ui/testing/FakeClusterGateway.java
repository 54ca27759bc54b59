package io.ringside.ui.testing;

import io.ringside.core.NotFoundException;
import io.ringside.core.cassandra.BlobHead;
import io.ringside.core.cassandra.ColumnInfo;
import io.ringside.core.cassandra.ColumnRole;
import io.ringside.core.cassandra.HealthReport;
import io.ringside.core.cassandra.KeyspaceInfo;
import io.ringside.core.cassandra.NodeDetails;
import io.ringside.core.cassandra.NodeStatus;
import io.ringside.core.cassandra.PageQuery;
import io.ringside.core.cassandra.RelationInfo;
import io.ringside.core.cassandra.RelationKind;
import io.ringside.core.cassandra.ReplicaWarning;
import io.ringside.core.cassandra.RowPage;
import io.ringside.ui.cluster.ClusterGateway;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted {@link ClusterGateway}: one user keyspace {@code shop} with a table {@code orders} of
 * {@link #rowCount} rows (text key, int clustering, blob), one system keyspace, and two nodes
 * whose liveness a test flips. Paging states are row offsets. Safe to drive from worker threads.
 */
public final class FakeClusterGateway implements ClusterGateway {

    public static final UUID NODE_1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
    public static final UUID NODE_2 = UUID.fromString("00000000-0000-0000-0000-000000000002");
    /** The dc2 node of {@link #inTwoDatacenters}. */
    public static final UUID NODE_3 = UUID.fromString("00000000-0000-0000-0000-000000000003");
    public static final RelationInfo ORDERS = new RelationInfo("shop", "orders", RelationKind.TABLE, List.of(
            new ColumnInfo("customer", "text", ColumnRole.PARTITION_KEY, false),
            new ColumnInfo("seq", "int", ColumnRole.CLUSTERING, false),
            new ColumnInfo("receipt", "blob", ColumnRole.REGULAR, true)));
    /** A table shaped like Ringside's dataset chunks: three partition-key columns, the widest filter bar. */
    public static final RelationInfo DATASET_CHUNK = new RelationInfo("datasets", "dataset_chunk", RelationKind.TABLE,
            List.of(new ColumnInfo("name", "text", ColumnRole.PARTITION_KEY, false),
                    new ColumnInfo("version", "int", ColumnRole.PARTITION_KEY, false),
                    new ColumnInfo("bucket", "int", ColumnRole.PARTITION_KEY, false),
                    new ColumnInfo("seq", "int", ColumnRole.CLUSTERING, false),
                    new ColumnInfo("data", "blob", ColumnRole.REGULAR, true),
                    new ColumnInfo("gz_bytes", "int", ColumnRole.REGULAR, false),
                    new ColumnInfo("raw_bytes", "int", ColumnRole.REGULAR, false),
                    new ColumnInfo("sha256", "text", ColumnRole.REGULAR, false)));

    public final AtomicInteger pageCalls = new AtomicInteger();
    public final AtomicInteger healthCalls = new AtomicInteger();
    public final AtomicInteger detailCalls = new AtomicInteger();
    public final AtomicInteger blobCalls = new AtomicInteger();
    public final List<PageQuery> queries = new CopyOnWriteArrayList<>();
    public final Map<UUID, Boolean> liveness = new ConcurrentHashMap<>(Map.of(NODE_1, true, NODE_2, true));
    /**
     * Nodes whose details hang as a stopped Cassandra's do while the driver still sees it up: no
     * answer for 30 s, then a failure (or until {@link #unhang}).
     */
    public final Set<UUID> hung = ConcurrentHashMap.newKeySet();
    private final CountDownLatch unhung = new CountDownLatch(1);

    public volatile int rowCount = 250;
    private volatile boolean twoDatacenters;
    /** Rows of the one partition a filter asks for. */
    public int partitionRows = 3;
    public volatile RuntimeException keyspacesFailure;
    public volatile RuntimeException healthFailure;
    public volatile OptionalLong estimate = OptionalLong.empty();
    /**
     * How many keyspaces the replica banner names while a node is down: one line each, so a ring
     * with many keyspaces makes the banner, and the page's header, as tall as a real one.
     */
    public volatile int keyspacesWithAReplicaDown = 1;
    private final RelationInfo table;

    /** The {@code shop.orders} gateway. */
    public FakeClusterGateway() {
        this(ORDERS);
    }

    /** One user keyspace holding {@code table}, whose pages have a cell per column. */
    public FakeClusterGateway(RelationInfo table) {
        this.table = table;
    }

    @Override
    public List<KeyspaceInfo> keyspaces() {
        if (keyspacesFailure != null) {
            throw keyspacesFailure;
        }
        return List.of(new KeyspaceInfo(table.keyspace(), false, Map.of("class",
                        "org.apache.cassandra.locator.SimpleStrategy", "replication_factor", "2"), List.of(table), List.of()),
                new KeyspaceInfo("system", true, Map.of("class", "org.apache.cassandra.locator.LocalStrategy"),
                        List.of(new RelationInfo("system", "local", RelationKind.TABLE,
                                List.of(new ColumnInfo("key", "text", ColumnRole.PARTITION_KEY, false)))), List.of()));
    }

    @Override
    public String keyspaceDdl(String keyspace) {
        return "CREATE KEYSPACE " + keyspace + " WITH replication = {...};";
    }

    @Override
    public String relationDdl(String keyspace, String relation) {
        if (!relation.equals(table.name()) && !relation.equals("local")) {
            throw new NotFoundException("No table or view " + keyspace + "." + relation);
        }
        return "CREATE TABLE " + keyspace + "." + relation + " (...);";
    }

    @Override
    public RowPage page(PageQuery query, ByteBuffer pagingState) {
        pageCalls.incrementAndGet();
        queries.add(query);
        int total = query.partitionKey().isEmpty() ? rowCount : partitionRows;
        int offset = pagingState == null ? 0 : pagingState.duplicate().getInt();
        List<RowPage.Row> rows = new ArrayList<>();
        for (int i = offset; i < Math.min(total, offset + query.pageSize()); i++) {
            List<io.ringside.core.cassandra.Cell> cells = new ArrayList<>();
            for (ColumnInfo column : table.columns()) {
                cells.add(column.blob() ? blobCell() : cells.isEmpty() ? cellValue("c" + i)
                        : cellValue(Integer.toString(i)));
            }
            rows.add(new RowPage.Row(cells, List.of("c" + i, i)));
        }
        int next = offset + query.pageSize();
        return new RowPage(table.columns(), rows, next < total ? ByteBuffer.allocate(4).putInt(0, next) : null);
    }

    private static io.ringside.core.cassandra.Cell cellValue(String text) {
        return new io.ringside.core.cassandra.Cell(io.ringside.core.cassandra.Cell.Kind.VALUE, text, text, -1);
    }

    private static io.ringside.core.cassandra.Cell blobCell() {
        return new io.ringside.core.cassandra.Cell(io.ringside.core.cassandra.Cell.Kind.BLOB, "blob", "", -1);
    }

    @Override
    public OptionalLong partitionEstimate(String keyspace, String table) {
        return estimate;
    }

    @Override
    public BlobHead blobHead(String keyspace, String table, List<Object> primaryKey, String column) {
        blobCalls.incrementAndGet();
        return new BlobHead(5 * 1024 * 1024, new byte[] {0x1f, (byte) 0x8b, 8, 0});
    }

    @Override
    public Map<UUID, Boolean> liveness() {
        return Map.copyOf(liveness);
    }

    @Override
    public HealthReport health(String keyspace) {
        healthCalls.incrementAndGet();
        if (healthFailure != null) {
            throw healthFailure;
        }
        if (twoDatacenters) {
            return new HealthReport(List.of(node(NODE_3, "127.0.0.3", "dc2", "rack1"),
                    node(NODE_2, "127.0.0.2", "dc1", "rack2"), node(NODE_1, "127.0.0.1", "dc1", "rack1")), true,
                    List.of(), "dc1");
        }
        List<NodeStatus> nodes = List.of(node(NODE_1, "127.0.0.1"), node(NODE_2, "127.0.0.2"));
        List<ReplicaWarning> warnings = new ArrayList<>();
        for (int i = 0; i < keyspacesWithAReplicaDown && !liveness.values().stream().allMatch(Boolean::booleanValue); i++) {
            warnings.add(new ReplicaWarning(i == 0 ? "shop" : "shop_" + i, 2, List.of("127.0.0.2"),
                    List.of(com.datastax.oss.driver.api.core.ConsistencyLevel.ONE),
                    List.of(com.datastax.oss.driver.api.core.ConsistencyLevel.QUORUM)));
        }
        return new HealthReport(nodes, true, warnings);
    }

    /**
     * Three nodes as {@code stack up --nodes 3 --dcs 2} places them: 127.0.0.1 (dc1, rack1),
     * 127.0.0.2 (dc1, rack2), 127.0.0.3 (dc2, rack1), dc1 local; reported out of order on purpose.
     */
    public FakeClusterGateway inTwoDatacenters() {
        twoDatacenters = true;
        liveness.put(NODE_3, true);
        return this;
    }

    private NodeStatus node(UUID id, String address) {
        return node(id, address, "datacenter1", "rack1");
    }

    private NodeStatus node(UUID id, String address, String datacenter, String rack) {
        boolean up = liveness.getOrDefault(id, false);
        // a load as wide as it gets ("1023.99 MiB"), so the layout test holds the Load column to it
        return new NodeStatus(id, up ? "UN" : "DN", up, address, datacenter, rack, 1_073_731_000L, 16, 1.0,
                "5.0.9", UUID.fromString("10000000-0000-0000-0000-000000000000"), true);
    }

    /** Ends the hang of the {@link #hung} nodes' details calls, now and later. */
    public void unhang() {
        unhung.countDown();
    }

    @Override
    public NodeDetails details(UUID hostId) {
        detailCalls.incrementAndGet();
        if (hung.contains(hostId)) {
            try {
                unhung.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("No answer from " + hostId);
        }
        return new NodeDetails(hostId, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(5L * detailCalls.get()),
                List.of(new NodeDetails.ThreadPool("ReadStage", 1, 2, 0, 100)),
                List.of(new NodeDetails.Client("127.0.0.1", 5000, "", "java", 10)),
                List.of(new NodeDetails.CacheStats("keys", 8, 640, 1024, 0.9)), 3 * 1024 * 1024,
                new NodeDetails.Latency(10, 0.5, 2.0), NodeDetails.Latency.NONE);
    }
}
