package io.ringside.core.cassandra;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import com.datastax.oss.driver.api.core.loadbalancing.LoadBalancingPolicy;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.token.TokenRange;
import com.datastax.oss.driver.internal.core.loadbalancing.BasicLoadBalancingPolicy;
import io.ringside.core.BackendUnavailableException;
import io.ringside.core.NotFoundException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Node health without JMX: up/down as the driver sees it (it notices a dead node within a second,
 * gossip takes far longer), tokens and ownership from the driver's token map, load and join/leave
 * state from {@code system_views.gossip_info}, and per-node figures from the node-local virtual
 * tables, each asked of its own node. A node that cannot be asked is reported, never an error.
 *
 * <p>The questions of one call go out together and are waited for until one deadline ({@link
 * #TIMEOUT} from the call): a hung node (a stopped process whose connection stays open, seen up by
 * the driver) costs a call that long at most, not a time-out per question one after another (the
 * node table waited 5 s for gossip, 5 s for each node's schema version, then for the schema
 * agreement). What it did not answer by then is left out: no schema version; the details fail
 * naming the node.
 */
public final class ClusterHealth {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterHealth.class);
    /** How long one call waits for all its answers together; also each question's own time-out. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final double RING = Math.pow(2, 64);
    private static final List<ConsistencyLevel> LEVELS = List.of(ConsistencyLevel.ANY, ConsistencyLevel.ONE,
            ConsistencyLevel.LOCAL_ONE, ConsistencyLevel.TWO, ConsistencyLevel.THREE, ConsistencyLevel.QUORUM,
            ConsistencyLevel.LOCAL_QUORUM, ConsistencyLevel.EACH_QUORUM, ConsistencyLevel.SERIAL,
            ConsistencyLevel.LOCAL_SERIAL, ConsistencyLevel.ALL);
    /**
     * What a {@code *_ms} column of Cassandra 5.0's latency tables ({@code coordinator_read_latency}
     * and its kin) holds, in milliseconds. The node's timers keep microseconds and the table scales
     * them as if they were nanoseconds (times 10^-6, then rounded to three decimals), so a column named
     * in milliseconds holds seconds, to the millisecond: a 2,346,799 µs scan that {@code nodetool
     * proxyhistograms} prints as such reads 2.347 in {@code max_ms}. Read as milliseconds, the Nodes
     * tab's latency chart showed 0.001-0.003 "ms" for reads of 1-3 ms.
     */
    static final double MS_PER_LATENCY_UNIT = 1000;

    private final CqlSession session;
    private final Clock clock;
    private final int pageSize;

    public ClusterHealth(CqlSession session, Clock clock) {
        this(session, clock, 0);
    }

    /** {@code pageSize} rows a page of each question (0: the driver's), so a test can make a small table span pages. */
    ClusterHealth(CqlSession session, Clock clock, int pageSize) {
        this.session = session;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    public ClusterHealth(CqlSession session) {
        this(session, Clock.systemUTC());
    }

    /** Each known node's host id and whether the driver sees it up; metadata only, no request. */
    public Map<UUID, Boolean> liveness() {
        Map<UUID, Boolean> states = new LinkedHashMap<>();
        for (Node node : nodes()) {
            states.put(node.getHostId(), node.getState() == NodeState.UP);
        }
        return states;
    }

    /** The nodes like {@code nodetool status [keyspace]}, sorted by address. */
    public List<NodeStatus> status(String keyspace) {
        return status(keyspace, System.nanoTime() + TIMEOUT.toNanos());
    }

    /** {@link #status(String)} with what the nodes did not answer by {@code deadline} ({@link System#nanoTime}) left out. */
    private List<NodeStatus> status(String keyspace, long deadline) {
        List<Node> nodes = nodes();
        CqlIdentifier ks = keyspace == null ? null : CqlIdentifier.fromInternal(keyspace);
        if (ks != null && session.getMetadata().getKeyspace(ks).isEmpty()) {
            throw new NotFoundException("No keyspace " + keyspace);
        }
        Optional<TokenMap> tokens = session.getMetadata().getTokenMap();
        CompletableFuture<Map<UUID, Gossip>> gossipAsked = gossip(nodes);
        Map<UUID, CompletableFuture<Optional<UUID>>> schemaAsked = new LinkedHashMap<>();
        for (Node node : nodes) {
            if (node.getState() == NodeState.UP) {
                schemaAsked.put(node.getHostId(), schemaVersion(node));
            }
        }
        Map<UUID, Gossip> gossip = answer(gossipAsked, deadline, Map.of(), "gossip_info");
        Map<UUID, UUID> schema = new HashMap<>();
        schemaAsked.forEach((hostId, asked) -> answer(asked, deadline, Optional.<UUID>empty(), "the schema version")
                .ifPresent(version -> schema.put(hostId, version)));
        UUID agreed = schema.values().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        List<NodeStatus> rows = new ArrayList<>();
        for (Node node : nodes) {
            boolean up = node.getState() == NodeState.UP;
            Gossip g = gossip.get(node.getHostId());
            UUID version = schema.getOrDefault(node.getHostId(), up ? null : node.getSchemaVersion());
            rows.add(new NodeStatus(node.getHostId(), stateCode(node.getState(), g), up, address(node),
                    node.getDatacenter(), node.getRack(), g == null ? -1 : g.load(),
                    tokens.map(map -> map.getTokens(node).size()).orElse(0),
                    tokens.map(map -> ownership(map, ks, node)).orElse(null),
                    node.getCassandraVersion() == null ? "" : node.getCassandraVersion().toString(),
                    version, version != null && version.equals(agreed)));
        }
        return rows;
    }

    /** The node table, schema agreement, replica warnings and the local data centre in one call. */
    public HealthReport report(String keyspace) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        CompletableFuture<Boolean> agreement = session.checkSchemaAgreementAsync().toCompletableFuture();
        List<NodeStatus> status = status(keyspace, deadline);
        return new HealthReport(status, answer(agreement, deadline, false, "schema agreement"), replicaWarnings(),
                localDatacenter().orElse(null));
    }

    /**
     * The data centre the driver treats as local (the profile's): the one it sends requests to and
     * counts LOCAL_ONE / LOCAL_QUORUM replicas in. Empty for a load-balancing policy that has none.
     */
    public Optional<String> localDatacenter() {
        return localDatacenter(session);
    }

    /** The local data centre of {@code session}'s default load-balancing policy, as {@link #localDatacenter()}. */
    public static Optional<String> localDatacenter(CqlSession session) {
        LoadBalancingPolicy policy = session.getContext().getLoadBalancingPolicy(DriverExecutionProfile.DEFAULT_NAME);
        return policy instanceof BasicLoadBalancingPolicy basic ? Optional.ofNullable(basic.getLocalDatacenter())
                : Optional.empty();
    }

    /** Whether every node that is up reports the same schema version (the driver's own check). */
    public boolean schemaAgreement() {
        try {
            return session.checkSchemaAgreement();
        } catch (RuntimeException e) {
            LOG.debug("Schema agreement check failed", e);
            return false;
        }
    }

    /**
     * One node's virtual tables, asked together; fails when the node is down or has not answered
     * them all within {@link #TIMEOUT}.
     */
    public NodeDetails details(UUID hostId) {
        Node node = session.getMetadata().getNodes().get(hostId);
        if (node == null) {
            throw new NotFoundException("No node with host id " + hostId);
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        CompletableFuture<List<NodeDetails.ThreadPool>> pools = rows(node, "SELECT name, active_tasks, pending_tasks,"
                + " blocked_tasks, completed_tasks FROM system_views.thread_pools",
                row -> new NodeDetails.ThreadPool(row.getString(0), row.getInt(1), row.getInt(2), row.getLong(3),
                        row.getLong(4)));
        CompletableFuture<List<NodeDetails.Client>> clients = rows(node, "SELECT address, port, username, driver_name,"
                + " driver_version, request_count FROM system_views.clients", row -> {
                    String driver = row.getString(3) == null ? "" : row.getString(3) + " " + nullToEmpty(row.getString(4));
                    return new NodeDetails.Client(row.getInetAddress(0) == null ? ""
                            : row.getInetAddress(0).getHostAddress(), row.getInt(1), nullToEmpty(row.getString(2)),
                            driver.strip(), row.getLong(5));
                });
        CompletableFuture<List<NodeDetails.CacheStats>> caches = rows(node, "SELECT name, entry_count, size_bytes,"
                + " capacity_bytes, hit_ratio FROM system_views.caches",
                row -> new NodeDetails.CacheStats(row.getString(0), row.getInt(1), row.getLong(2), row.getLong(3),
                        row.getDouble(4)));
        CompletableFuture<List<Long>> disk = rows(node, "SELECT mebibytes FROM system_views.disk_usage",
                row -> row.getLong(0));
        CompletableFuture<NodeDetails.Latency> reads = latency(node, "coordinator_read_latency");
        CompletableFuture<NodeDetails.Latency> writes = latency(node, "coordinator_write_latency");
        String what = "the details of " + address(node);
        long mebibytes = 0;
        for (long one : await(disk, deadline, what)) {
            mebibytes += one;
        }
        return new NodeDetails(hostId, clock.instant(), await(pools, deadline, what), await(clients, deadline, what),
                await(caches, deadline, what), mebibytes * 1024 * 1024, await(reads, deadline, what),
                await(writes, deadline, what));
    }

    /** Every user keyspace with a replica down, and which consistency levels still work for it. */
    public List<ReplicaWarning> replicaWarnings() {
        Optional<TokenMap> tokens = session.getMetadata().getTokenMap();
        if (tokens.isEmpty()) {
            return List.of();
        }
        String localDc = localDatacenter().orElse(null);
        List<ReplicaWarning> warnings = new ArrayList<>();
        for (KeyspaceMetadata ks : session.getMetadata().getKeyspaces().values()) {
            String name = ks.getName().asInternal();
            if (ks.isVirtual() || SchemaBrowser.SYSTEM_KEYSPACES.contains(name)) {
                continue;
            }
            replicaWarning(tokens.get(), ks, localDc).ifPresent(warnings::add);
        }
        warnings.sort(Comparator.comparing(ReplicaWarning::keyspace));
        return warnings;
    }

    private Optional<ReplicaWarning> replicaWarning(TokenMap tokens, KeyspaceMetadata ks, String localDc) {
        Set<String> down = new java.util.TreeSet<>();
        int replicationFactor = 0;
        Map<ConsistencyLevel, Boolean> works = new LinkedHashMap<>();
        LEVELS.forEach(level -> works.put(level, true));
        for (TokenRange range : tokens.getTokenRanges()) {
            Set<Node> replicas = tokens.getReplicas(ks.getName(), range);
            replicationFactor = Math.max(replicationFactor, replicas.size());
            replicas.stream().filter(n -> n.getState() != NodeState.UP).forEach(n -> down.add(address(n)));
            RangeReplicas counts = RangeReplicas.of(replicas);
            works.replaceAll((level, ok) -> ok && counts.satisfies(level, localDc));
        }
        if (down.isEmpty()) {
            return Optional.empty();
        }
        List<ConsistencyLevel> working = works.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
        List<ConsistencyLevel> failing = works.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        return Optional.of(new ReplicaWarning(ks.getName().asInternal(), replicationFactor, List.copyOf(down), working,
                failing));
    }

    /** Live and total replicas of one token range, overall and per datacenter. */
    record RangeReplicas(int live, int total, Map<String, int[]> perDc) {

        static RangeReplicas of(Collection<Node> replicas) {
            Map<String, int[]> perDc = new HashMap<>();
            int live = 0;
            for (Node node : replicas) {
                int[] counts = perDc.computeIfAbsent(String.valueOf(node.getDatacenter()), dc -> new int[2]);
                counts[1]++;
                if (node.getState() == NodeState.UP) {
                    counts[0]++;
                    live++;
                }
            }
            return new RangeReplicas(live, replicas.size(), perDc);
        }

        boolean satisfies(ConsistencyLevel level) {
            return satisfies(level, null);
        }

        /**
         * Whether a request at {@code level} finds its replicas. LOCAL_ONE, LOCAL_QUORUM and
         * LOCAL_SERIAL count the coordinator's data centre only ({@code localDc}; every data centre
         * when it is unknown), so a whole remote data centre down leaves them working; EACH_QUORUM
         * needs a quorum in every data centre.
         */
        boolean satisfies(ConsistencyLevel level, String localDc) {
            if (total == 0) {
                return true;
            }
            if (level.equals(ConsistencyLevel.ANY)) {
                return true;
            }
            if (level.equals(ConsistencyLevel.ONE)) {
                return live >= 1;
            }
            if (level.equals(ConsistencyLevel.TWO)) {
                return live >= 2;
            }
            if (level.equals(ConsistencyLevel.THREE)) {
                return live >= 3;
            }
            if (level.equals(ConsistencyLevel.QUORUM) || level.equals(ConsistencyLevel.SERIAL)) {
                return live >= total / 2 + 1;
            }
            if (level.equals(ConsistencyLevel.ALL)) {
                return live == total;
            }
            boolean local = level.equals(ConsistencyLevel.LOCAL_ONE) || level.equals(ConsistencyLevel.LOCAL_QUORUM)
                    || level.equals(ConsistencyLevel.LOCAL_SERIAL);
            Collection<int[]> counted = local && localDc != null && perDc.containsKey(localDc)
                    ? List.of(perDc.get(localDc)) : perDc.values();
            if (level.equals(ConsistencyLevel.LOCAL_ONE)) {
                return counted.stream().allMatch(c -> c[0] >= 1);
            }
            return counted.stream().allMatch(c -> c[0] >= c[1] / 2 + 1);
        }
    }

    private List<Node> nodes() {
        return session.getMetadata().getNodes().values().stream()
                .sorted(Comparator.comparing(ClusterHealth::address))
                .toList();
    }

    /** {@code gossip_info} as the first of the nodes up to answer it has it (each node's view of them all). */
    private CompletableFuture<Map<UUID, Gossip>> gossip(List<Node> nodes) {
        CompletableFuture<Map<UUID, Gossip>> first = new CompletableFuture<>();
        List<CompletableFuture<Map<UUID, Gossip>>> asked = new ArrayList<>();
        for (Node node : nodes) {
            if (node.getState() == NodeState.UP) {
                Map<UUID, Gossip> gossip = new HashMap<>();
                asked.add(eachRow(ask(node, "SELECT host_id, load, status FROM system_views.gossip_info"), row -> {
                    if (row.getString(0) != null) {
                        gossip.put(UUID.fromString(row.getString(0)), new Gossip(parseLoad(row.getString(1)),
                                nullToEmpty(row.getString(2))));
                    }
                }).thenApply(done -> gossip).toCompletableFuture().whenComplete((all, e) -> {
                    if (e == null) {
                        first.complete(all);
                    } else {
                        LOG.debug("gossip_info not readable on {}", node, e);
                    }
                }));
            }
        }
        // none answered: no gossip, not an error
        CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new)).whenComplete((all, e) -> first.complete(Map.of()));
        return first;
    }

    private CompletableFuture<Optional<UUID>> schemaVersion(Node node) {
        return ask(node, "SELECT schema_version FROM system.local").thenApply(rows -> {
            Row row = rows.one();
            return Optional.ofNullable(row == null ? null : row.getUuid(0));
        }).toCompletableFuture();
    }

    private CompletableFuture<NodeDetails.Latency> latency(Node node, String table) {
        LatencySum sum = new LatencySum();
        return eachRow(ask(node, "SELECT count, p50th_ms, p99th_ms, per_second FROM system_views." + table), sum::add)
                .thenApply(done -> sum.latency()).toCompletableFuture();
    }

    /** Each row of a node's virtual table, made into a value. */
    private <T> CompletableFuture<List<T>> rows(Node node, String cql, Function<Row, T> value) {
        List<T> values = new ArrayList<>();
        return eachRow(ask(node, cql), row -> values.add(value.apply(row))).thenApply(done -> values)
                .toCompletableFuture();
    }

    /**
     * Every row of an answer, page after page. The node tables are small, but not all of them on a
     * real cluster: {@code clients} has a row per connection (thousands on a node that many
     * application servers' pools reach), past the driver's 5,000-row page, and the latency tables a
     * row per table. Read as one page, the Clients tab and the request rates stopped at the first
     * 5,000. The pages are asked in turn, each when the last is read; the deadline of the question
     * still bounds them all.
     */
    private static CompletionStage<Void> eachRow(CompletionStage<AsyncResultSet> asked, Consumer<Row> each) {
        return asked.thenCompose(rows -> {
            for (Row row : rows.currentPage()) {
                each.accept(row);
            }
            return rows.hasMorePages() ? eachRow(rows.fetchNextPage(), each) : CompletableFuture.completedFuture(null);
        });
    }

    private CompletionStage<AsyncResultSet> ask(Node node, String cql) {
        SimpleStatement statement = SimpleStatement.newInstance(cql).setNode(node).setTimeout(TIMEOUT)
                .setIdempotent(true).setConsistencyLevel(ConsistencyLevel.ONE);
        return session.executeAsync(pageSize > 0 ? statement.setPageSize(pageSize) : statement);
    }

    /** A latency table's rows summed: the rates added, p50 weighted by each row's count, the highest p99. */
    private static final class LatencySum {
        private double perSecond;
        private double weightedP50;
        private long count;
        private double p99;

        void add(Row row) {
            long n = row.getLong(0);
            if (n == 0) {
                return;
            }
            count += n;
            weightedP50 += row.getDouble(1) * MS_PER_LATENCY_UNIT * n;
            p99 = Math.max(p99, row.getDouble(2) * MS_PER_LATENCY_UNIT);
            perSecond += row.getDouble(3);
        }

        NodeDetails.Latency latency() {
            return count == 0 ? NodeDetails.Latency.NONE : new NodeDetails.Latency(perSecond, weightedP50 / count, p99);
        }
    }

    /** What {@code asked} brought by {@code deadline} ({@link System#nanoTime}); fails naming {@code what} otherwise. */
    private static <T> T await(CompletableFuture<T> asked, long deadline, String what) {
        try {
            return asked.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            asked.cancel(false);
            throw new BackendUnavailableException("No answer for " + what + " within " + TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + what, e);
        }
    }

    /** What {@code asked} brought by {@code deadline}, or {@code otherwise} (logged) when it failed or is late. */
    private static <T> T answer(CompletableFuture<T> asked, long deadline, T otherwise, String what) {
        try {
            return await(asked, deadline, what);
        } catch (RuntimeException e) {
            LOG.debug("Cannot read {}", what, e);
            return otherwise;
        }
    }

    private static Double ownership(TokenMap map, CqlIdentifier keyspace, Node node) {
        if (!map.getPartitionerName().endsWith("Murmur3Partitioner")) {
            return null;
        }
        Set<TokenRange> ranges = keyspace == null ? map.getTokenRanges(node) : map.getTokenRanges(keyspace, node);
        double owned = 0;
        for (TokenRange range : ranges) {
            long start = Long.parseLong(map.format(range.getStart()));
            long end = Long.parseLong(map.format(range.getEnd()));
            long width = end - start;
            owned += width == 0 ? RING : (width > 0 ? width : width + RING);
        }
        return Math.min(1.0, owned / RING);
    }

    static String stateCode(NodeState state, Gossip gossip) {
        char first = switch (state) {
            case UP -> 'U';
            case DOWN, FORCED_DOWN -> 'D';
            case UNKNOWN -> '?';
        };
        String status = gossip == null ? "" : gossip.status().toUpperCase(java.util.Locale.ROOT);
        char second = status.startsWith("BOOT") ? 'J'
                : status.startsWith("LEAVING") || status.startsWith("LEFT") ? 'L'
                : status.startsWith("MOVING") ? 'M'
                : 'N';
        return "" + first + second;
    }

    private static long parseLoad(String text) {
        if (text == null || text.isBlank()) {
            return -1;
        }
        try {
            return (long) Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String address(Node node) {
        Optional<InetSocketAddress> rpc = node.getBroadcastRpcAddress();
        if (rpc.isPresent()) {
            return rpc.get().getAddress().getHostAddress();
        }
        return node.getEndPoint().resolve() instanceof InetSocketAddress socket
                ? socket.getAddress().getHostAddress() : node.getEndPoint().toString();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    record Gossip(long load, String status) {
    }
}
