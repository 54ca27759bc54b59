package io.ringside.core.stack;

import io.ringside.core.NamedThreads;
import io.ringside.core.BuildInfo;
import io.ringside.core.DataFolder;
import io.ringside.core.NotFoundException;
import io.ringside.core.stack.StackEvent.Phase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.common.Uuid;

/**
 * A local stack of real servers run as children of this JVM, which thereby becomes their
 * supervisor: it holds their stdin pipes (so they die with it), keeps {@code stack.json} current
 * and carries out drills (stop or start one node, Redis or Kafka). Redis, Kafka and the first
 * Cassandra node start in parallel (with the Redis Cluster's nodes, when asked for); further nodes
 * join one at a time, as Cassandra requires.
 * A failed start stops whatever did start, so nothing is left half up.
 */
public final class LocalStack implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";
    private static final String AUTH_KEYSPACE = "system_auth";
    /** The name under which the start reports the data folder's modes it fixed. */
    public static final String DATA_FOLDER_EVENT = "data folder";
    /** Data folders with a live stack in this JVM: the pid check in the state file cannot tell them apart. */
    private static final java.util.Map<Path, LocalStack> ACTIVE = new java.util.concurrent.ConcurrentHashMap<>();

    private final StackOptions options;
    private final StateFile stateFile;
    private final ServerArtifacts artifacts;
    private final Path cacheFolder;
    private final Map<Integer, CassandraNode> nodes = new TreeMap<>();
    private final List<KafkaBroker> brokers = new ArrayList<>();
    private RedisServer redis;
    private LocalSshd sshd;
    private final List<RedisServer> clusterNodes = new ArrayList<>();
    private final List<Integer> clusterPorts = new ArrayList<>();
    /** The replica and sentinels of {@code --redis-sentinel}, or null. */
    private RedisSentinelGroup sentinelGroup;
    private StackState state;
    private String controlPath;
    private boolean consoleSupervised;
    private final List<Integer> reservedPorts = new ArrayList<>();
    private final List<PortMove> portMoves = new ArrayList<>();
    /** Cassandra nodes that had joined the ring before this start. */
    private int joinedNodes;
    /** This start makes a plain data folder secure: undone in {@code stack.json} if it fails. */
    private boolean converting;
    /** Node 1 is ready before the login works, which needs the nodes that start after it. */
    private boolean loginDeferred;

    public LocalStack(StackOptions options) {
        this(options, new ServerArtifacts(), DataFolder.cache());
    }

    LocalStack(StackOptions options, ServerArtifacts artifacts, Path cacheFolder) {
        this.options = options;
        this.stateFile = new StateFile(options.stackFolder());
        this.artifacts = artifacts;
        this.cacheFolder = cacheFolder;
    }

    public StackOptions options() {
        return options;
    }

    public synchronized StackState state() {
        return state;
    }

    /**
     * Set by the supervisor before start so that clients find its control socket in the state file,
     * and know whether it is a console (which {@code stack down} must never signal).
     */
    public synchronized void setControlPath(String controlPath, boolean console) {
        this.controlPath = controlPath;
        this.consoleSupervised = console;
    }

    /** Starts every server and returns once all answer a real client. */
    public StackState start(StackListener listener) {
        try {
            protectDataFolder(listener);
            planAndWire();
        } catch (RuntimeException e) {
            synchronized (this) {
                releasePorts();
                ACTIVE.remove(options.dataFolder().toAbsolutePath().normalize(), this);
            }
            throw e;
        }
        List<ManagedServer> first = new ArrayList<>(List.of(redis, nodes.get(1)));
        first.addAll(1, brokers);
        first.addAll(clusterNodes);
        if (sshd != null) {
            first.add(sshd);
        }
        List<ManagedServer> later = nodes.values().stream().filter(n -> n != nodes.get(1)).map(n -> (ManagedServer) n).toList();
        for (ManagedServer server : first) {
            listener.onEvent(new StackEvent(server.name(), Phase.PENDING, "waiting to start", 0));
        }
        for (ManagedServer server : later) {
            listener.onEvent(new StackEvent(server.name(), Phase.PENDING, "joins after cassandra-1", 0));
        }
        if (sentinelGroup != null) {
            for (ManagedServer server : sentinelGroup.servers()) {
                listener.onEvent(new StackEvent(server.name(), Phase.PENDING, "starts once redis answers", 0));
            }
        }
        portMoves().forEach(move -> listener.onEvent(move.event()));
        ExecutorService pool = Executors.newFixedThreadPool(first.size(), NamedThreads.daemons("ringside-stack-start"));
        try {
            List<CompletableFuture<Void>> futures = first.stream()
                    .map(server -> CompletableFuture.runAsync(() -> startOneOf(server, first, listener), pool))
                    .toList();
            List<String> failures = new ArrayList<>();
            for (CompletableFuture<Void> future : futures) {
                try {
                    future.join();
                } catch (CompletionException e) {
                    String message = e.getCause().getMessage();
                    if (message == null || !message.contains("start abandoned")) {
                        failures.add(message);
                    }
                }
            }
            boolean secureRing = !later.isEmpty() && state().secure();
            if (failures.isEmpty() && secureRing && joinedNodes < nodes.size()) {
                replicateAuth(listener, failures);
            }
            if (failures.isEmpty() && joinedNodes < nodes.size() && !later.isEmpty()) {
                DataReplication.beforeJoin(nodes.get(1), nodes.size(), listener, failures);
            }
            if (failures.isEmpty()) {
                for (ManagedServer server : later) {
                    try {
                        startOne(server, listener);
                    } catch (RuntimeException e) {
                        failures.add(e.getMessage());
                        break;
                    }
                }
            }
            if (failures.isEmpty() && loginDeferred) {
                try {
                    nodes.get(1).awaitLogin(options.readyTimeout());
                } catch (RuntimeException e) {
                    failures.add(e.getMessage());
                }
            }
            if (failures.isEmpty() && secureRing && joinedNodes == nodes.size() && replicateAuth(listener, failures)) {
                repairAuth(listener, failures);
            }
            if (failures.isEmpty() && joinedNodes == nodes.size() && nodes.size() > 1) {
                DataReplication.repairJoined(nodes.get(1), nodes.size(), options.readyTimeout(), listener);
            }
            if (failures.isEmpty() && state().datacenters() > 1) {
                DataReplication.acrossDatacenters(nodes.get(1), state().cassandra().nodes(),
                        joinedNodes == nodes.size(), options.readyTimeout(), listener);
            }
            if (failures.isEmpty() && !clusterNodes.isEmpty()) {
                try {
                    formRedisCluster(listener);
                } catch (RuntimeException e) {
                    failures.add(e.getMessage());
                }
            }
            if (failures.isEmpty() && sentinelGroup != null) {
                try {
                    sentinelGroup.start(listener, options.readyTimeout(), server -> markUp(server, true));
                } catch (RuntimeException e) {
                    failures.add(e.getMessage());
                }
            }
            if (!failures.isEmpty()) {
                stop(listener);
                throw new StackException("The local stack did not start; the servers that had started were stopped."
                        + (converting ? revertConversion() : "") + "\n" + String.join("\n", failures));
            }
            return state();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Servers create their files under {@code umask 077}; this fixes what an earlier version or a
     * permissive umask left open, and says so: the next start finds nothing to fix.
     */
    private void protectDataFolder(StackListener listener) {
        OwnerOnly.folder(options.stackFolder());
        OwnerOnly.Fixed fixed = OwnerOnly.fix(options.dataFolder());
        if (fixed.any()) {
            listener.onEvent(new StackEvent(DATA_FOLDER_EVENT, Phase.READY,
                    fixed.describe(options.dataFolder().toAbsolutePath().normalize()), 0));
        }
    }

    /**
     * On a secure stack of several nodes, {@code system_auth} gets a copy of the roles on every
     * node, so a node down does not lock the stack's user out. When a node joins for the first
     * time this runs before it joins, and it streams its copy while it bootstraps; on a ring whose
     * nodes had all joined before, it runs once they are up and a repair fills the new replicas.
     * Until that repair ends, a login whose read lands on an empty replica is refused: the stack
     * is not reported ready before it ends.
     *
     * @return whether the replication factor was raised now
     */
    private boolean replicateAuth(StackListener listener, List<String> failures) {
        long started = System.nanoTime();
        try {
            boolean raised = nodes.get(1).replicateAuth(nodes.size());
            if (raised) {
                listener.onEvent(new StackEvent(AUTH_KEYSPACE, Phase.READY, "replication factor raised to "
                        + nodes.size(), (System.nanoTime() - started) / 1_000_000));
            }
            return raised;
        } catch (RuntimeException e) {
            failures.add(AUTH_KEYSPACE + ": raising the replication factor to " + nodes.size() + " failed: "
                    + e.getMessage());
            return false;
        }
    }

    private void repairAuth(StackListener listener, List<String> failures) {
        long started = System.nanoTime();
        listener.onEvent(new StackEvent(AUTH_KEYSPACE, Phase.STARTING, "repairing the new replicas", 0));
        try {
            nodes.get(1).repair(AUTH_KEYSPACE, options.readyTimeout());
            listener.onEvent(new StackEvent(AUTH_KEYSPACE, Phase.READY, "repaired on " + nodes.size() + " nodes",
                    (System.nanoTime() - started) / 1_000_000));
        } catch (RuntimeException e) {
            failures.add(e.getMessage());
        }
    }

    /**
     * A plain data folder whose first {@code --secure} start failed is left plain, so that it still
     * starts as before; the generated {@code tls/} stays, so a later {@code --secure} start uses the
     * same password as any role Cassandra already created with it.
     */
    private synchronized String revertConversion() {
        state = state.withSecurity(null);
        stateFile.write(state);
        return " The data folder stays as it was, without --secure (the generated credentials in "
                + StackSecurity.folderOf(options.dataFolder()) + " are kept for the next --secure start).";
    }

    private void formRedisCluster(StackListener listener) {
        long started = System.nanoTime();
        List<Integer> masters = clusterPorts.subList(0, RedisClusterFormation.MASTERS);
        List<Integer> replicas = clusterPorts.subList(RedisClusterFormation.MASTERS, clusterPorts.size());
        listener.onEvent(new StackEvent("redis-cluster", Phase.STARTING, "joining masters on ports " + masters
                + (replicas.isEmpty() ? "" : ", replicas on ports " + replicas), 0));
        RedisClusterFormation.form(LOOPBACK, masters, replicas, options.readyTimeout());
        synchronized (this) {
            state = recordRoles(state);
            stateFile.write(state);
        }
        listener.onEvent(new StackEvent("redis-cluster", Phase.READY, masters.size() + " masters, "
                + (replicas.isEmpty() ? "" : replicas.size() + " replicas, ") + RedisClusterFormation.SLOTS + " slots",
                (System.nanoTime() - started) / 1_000_000));
    }

    /** The Redis Cluster's nodes with the role each says it has now; a node that does not answer keeps its last. */
    private static StackState recordRoles(StackState state) {
        StackState result = state;
        for (StackState.RedisClusterNode node : state.redisCluster()) {
            String role = node.up() ? RedisClusterFormation.role(node.host(), node.port()) : null;
            if (role != null) {
                result = result.withRedisClusterNode(node.withRole(role));
            }
        }
        return result;
    }

    /**
     * Ports of the Redis Cluster's nodes on 127.0.0.1 ({@code stack up --redis-cluster}), masters
     * first, then their replicas, as formed (a failover swaps roles: see {@link StackState#redisCluster});
     * empty without one.
     */
    public synchronized List<Integer> redisClusterPorts() {
        return List.copyOf(clusterPorts);
    }

    private void startOne(ManagedServer server, StackListener listener) {
        server.start(listener, options.readyTimeout());
        markUp(server, true);
    }

    private void startOneOf(ManagedServer server, List<ManagedServer> group, StackListener listener) {
        try {
            startOne(server, listener);
        } catch (RuntimeException e) {
            group.stream().filter(other -> other != server).forEach(other -> other.abort(server.name() + " failed"));
            throw e;
        }
    }

    /**
     * Stops every server: Kafka first (its clients are ours; several brokers at once, since the last
     * ones left would wait for a quorum that is going away), then the sentinels (so that no failover
     * follows) and the replica, then Redis, then the nodes, last first.
     */
    public void stop(StackListener listener) {
        stopBrokers(brokers, listener);
        List<ManagedServer> order = new ArrayList<>();
        if (sshd != null) {
            order.add(sshd);
        }
        if (sentinelGroup != null) {
            order.addAll(sentinelGroup.stopOrder());
        }
        if (redis != null) {
            order.add(redis);
        }
        order.addAll(clusterNodes);
        List<CassandraNode> reversed = new ArrayList<>(nodes.values());
        java.util.Collections.reverse(reversed);
        order.addAll(reversed);
        for (ManagedServer server : order) {
            server.stop(listener);
            markUp(server, false);
        }
        synchronized (this) {
            if (state != null) {
                state = state.withSupervisor(null);
                stateFile.write(state);
            }
            releasePorts();
            ACTIVE.remove(options.dataFolder().toAbsolutePath().normalize(), this);
        }
    }

    private void stopBrokers(List<KafkaBroker> which, StackListener listener) {
        List<CompletableFuture<Void>> stops = which.stream().map(broker -> CompletableFuture.runAsync(() -> {
            broker.stop(listener);
            markUp(broker, false);
        }, runnable -> NamedThreads.daemons("ringside-stack-stop").newThread(runnable).start())).toList();
        stops.forEach(CompletableFuture::join);
    }

    private void releasePorts() {
        reservedPorts.forEach(PortAllocator::release);
        reservedPorts.clear();
    }

    private int reserve(int preferred, List<String> addresses) {
        int port = PortAllocator.choose(preferred, addresses);
        reservedPorts.add(port);
        return port;
    }

    /** {@link #reserve}, noting a port that had to move. */
    private int reserve(String server, String role, int preferred, List<String> addresses) {
        int port = reserve(preferred, addresses);
        if (port != preferred) {
            portMoves.add(new PortMove(server, role, preferred, port));
        }
        return port;
    }

    /** The ports the last start could not have, and the ones it took instead; empty when all were free. */
    public synchronized List<PortMove> portMoves() {
        return List.copyOf(portMoves);
    }

    public void stopNode(int id, StackListener listener) {
        CassandraNode node = node(id);
        node.stop(listener);
        markUp(node, false);
    }

    public void startNode(int id, StackListener listener) {
        startOne(node(id), listener);
    }

    /** Stops {@code redis}, {@code kafka} (every broker) or one broker {@code kafka-N} of a multi-broker Kafka. */
    public void stopServer(String name, StackListener listener) {
        List<ManagedServer> servers = servers(name);
        if (servers.size() > 1) {
            stopBrokers(brokers, listener);
            return;
        }
        servers.get(0).stop(listener);
        markUp(servers.get(0), false);
    }

    /** Starts what {@link #stopServer} stopped; several brokers start together, as their quorum needs. */
    public void startServer(String name, StackListener listener) {
        List<ManagedServer> servers = servers(name);
        if (servers.size() == 1) {
            startOne(servers.get(0), listener);
            return;
        }
        List<CompletableFuture<Void>> starts = servers.stream().map(server -> CompletableFuture.runAsync(
                () -> startOne(server, listener),
                runnable -> NamedThreads.daemons("ringside-stack-start").newThread(runnable).start())).toList();
        try {
            starts.forEach(CompletableFuture::join);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Stops Kafka broker {@code id} (1-based) of a multi-broker Kafka, for failure drills. */
    public void stopBroker(int id, StackListener listener) {
        stopServer(brokerName(id), listener);
    }

    public void startBroker(int id, StackListener listener) {
        startServer(brokerName(id), listener);
    }

    private String brokerName(int id) {
        synchronized (this) {
            if (brokers.size() == 1 || id < 1 || id > brokers.size()) {
                throw new NotFoundException("This stack has no Kafka broker " + id + " (it has " + brokers.size()
                        + (brokers.size() == 1 ? " broker: use stop kafka / start kafka)" : " brokers)"));
            }
        }
        return brokers.get(id - 1).name();
    }

    private List<ManagedServer> servers(String name) {
        if ("redis".equals(name)) {
            return List.of(redis);
        }
        if ("kafka".equals(name)) {
            return List.copyOf(brokers);
        }
        for (KafkaBroker broker : brokers) {
            if (broker.name().equals(name)) {
                return List.of(broker);
            }
        }
        if (LocalSshd.NAME.equals(name)) {
            if (sshd == null) {
                throw new NotFoundException("This stack runs no SSH server (start it with --sshd)");
            }
            return List.of(sshd);
        }
        for (RedisServer clusterNode : clusterNodes) {
            if (clusterNode.name().equals(name)) {
                return List.of(clusterNode);
            }
        }
        if (sentinelGroup != null) {
            for (ManagedServer server : sentinelGroup.servers()) {
                if (server.name().equals(name)) {
                    return List.of(server);
                }
            }
        }
        throw new NotFoundException("Unknown server '" + name + "': use redis, kafka or sshd"
                + (brokers.size() > 1 ? " (or one broker, kafka-1 .. kafka-" + brokers.size() + ")" : "")
                + (clusterNodes.isEmpty() ? "" : " or redis-cluster-1.." + clusterNodes.size())
                + (sentinelGroup == null ? "" : ", redis-replica or redis-sentinel-1.." + RedisSentinelGroup.SENTINELS)
                + " (Cassandra nodes: stop-node / start-node N)");
    }

    private CassandraNode node(int id) {
        CassandraNode node = nodes.get(id);
        if (node == null) {
            throw new NotFoundException("This stack has no Cassandra node " + id + " (it has "
                    + nodes.size() + (nodes.size() == 1 ? " node)" : " nodes)"));
        }
        return node;
    }

    @Override
    public void close() {
        stop(StackListener.NONE);
    }

    private synchronized void markUp(ManagedServer server, boolean up) {
        Long pid = up ? server.pid() : null;
        if (server instanceof CassandraNode cassandraNode) {
            int id = Integer.parseInt(server.name().substring("cassandra-".length()));
            StackState.CassandraNode node = state.node(id);
            String version = up ? Optional.ofNullable(cassandraNode.releaseVersion()).orElse(node.version()) : node.version();
            state = state.withNode(node.withStatus(up, pid).withVersion(version));
        } else if (server instanceof KafkaBroker broker) {
            state = state.withKafka(state.kafka().withBroker(state.kafka().broker(broker.id()).withStatus(up, pid)));
        } else if (clusterNodes.contains(server)) {
            StackState.RedisClusterNode node = state.redisCluster().get(clusterNodes.indexOf(server)).withStatus(up, pid);
            String role = up ? RedisClusterFormation.role(node.host(), node.port()) : null;
            state = state.withRedisClusterNode(role == null ? node : node.withRole(role));
        } else if (server == sshd) {
            state = state.withSshd(state.sshd().withStatus(up, pid));
        } else if (server == redis) {
            StackState.Redis r = state.redis().withStatus(up, pid);
            if (up) {
                r = r.withVersion(Optional.ofNullable(redis.version()).orElse(r.version()));
                r = new StackState.Redis(r.host(), r.port(), r.up(), r.pid(), r.version(), redis.binary().toString());
                StackState.Security recorded = state.security();
                if (recorded != null && recorded.redisTls() != redis.tls()) {
                    state = state.withSecurity(recorded.withRedisTls(redis.tls()));
                }
            }
            state = state.withRedis(r);
        } else if (sentinelGroup != null && server instanceof RedisServer member) {
            StackState.RedisSentinel group = state.redisSentinel();
            StackState.Redis r = member.spec().withStatus(up, pid);
            if (up) {
                r = new StackState.Redis(r.host(), r.port(), true, pid,
                        Optional.ofNullable(member.version()).orElse(r.version()), member.binary().toString());
            }
            int index = sentinelGroup.sentinels().indexOf(member);
            state = state.withRedisSentinel(index < 0 ? group.withReplica(r) : group.withSentinel(index + 1, r));
        }
        stateFile.write(state);
    }

    /** Chooses endpoints (keeping the recorded ones when free) and builds the server objects. */
    private synchronized void planAndWire() {
        Path folder = options.dataFolder().toAbsolutePath().normalize();
        LocalStack other = ACTIVE.putIfAbsent(folder, this);
        if (other != null && other != this) {
            throw new StackException("A local stack in " + folder + " is already running in this process");
        }
        Optional<StackState> existing = stateFile.read();
        if (existing.isPresent() && existing.get().supervisor() != null) {
            long pid = existing.get().supervisor().pid();
            if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                throw new StackException("A local stack in " + options.dataFolder() + " is already supervised by pid "
                        + pid + "; use 'ringside stack status' or 'ringside stack down'");
            }
        }
        int existingNodes = existing.map(s -> s.cassandra().nodes().size()).orElse(0);
        joinedNodes = existingNodes;
        if (options.nodes() != 0 && options.nodes() < existingNodes) {
            throw new StackException("The stack in " + options.dataFolder() + " has " + existingNodes
                    + " Cassandra nodes; start it with --nodes " + existingNodes
                    + " (removing a node from a ring is not supported)");
        }
        int nodeCount = Math.max(1, Math.max(options.nodes(), existingNodes));
        int datacenters = DatacenterLayout.datacenters(options, existing, nodeCount);
        boolean wasSecure = existing.map(StackState::secure).orElse(false);
        boolean secure = options.secure() || wasSecure;
        if (secure && datacenters > 1) {
            throw new StackException("--dcs 2 is not available on a secure stack yet (its system_auth would need "
                    + "replicas in both data centres); run the data-centre drills on a plain stack in another data folder");
        }
        if (secure && options.redisCluster()) {
            throw new StackException("--redis-cluster is not available on a secure stack (its masters would run "
                    + "without ACL or TLS); start the cluster drills on a plain stack in another data folder");
        }
        if (secure && options.redisSentinel()) {
            throw new StackException("--redis-sentinel is not available on a secure stack (its replica and sentinels "
                    + "would run without ACL or TLS); start the Sentinel drills on a plain stack in another data folder");
        }
        converting = secure && !wasSecure && existing.isPresent();
        loginDeferred = secure && existingNodes > 1;
        StackSecurity security = secure ? StackSecurity.ensure(options.dataFolder(), !wasSecure,
                () -> LocalCertificateAuthority.keytoolBeside(new JdkLocator().javaForCassandra())) : null;
        releasePorts();
        portMoves.clear();
        List<String> addresses = new ArrayList<>();
        for (int i = 1; i <= nodeCount; i++) {
            addresses.add("127.0.0." + i);
        }
        Optional<StackState.CassandraNode> firstNode = existing.map(s -> s.node(1));
        int cql = reserve("cassandra-1", "CQL", firstNode.map(StackState.CassandraNode::port).orElse(options.cqlPort()),
                addresses);
        int storage = reserve("cassandra-1", "Cassandra storage",
                firstNode.map(StackState.CassandraNode::storagePort).orElse(options.storagePort()), addresses);
        List<StackState.CassandraNode> nodeStates = new ArrayList<>();
        for (int i = 1; i <= nodeCount; i++) {
            int id = i;
            int preferredJmx = existing.map(s -> s.node(id)).map(StackState.CassandraNode::jmxPort)
                    .orElse(options.jmxPort(i));
            int jmx = reserve("cassandra-" + i, "JMX", preferredJmx, List.of(LOOPBACK));
            nodeStates.add(new StackState.CassandraNode(i, addresses.get(i - 1), cql, storage, jmx, false, null,
                    BuildInfo.cassandraVersion(), DatacenterLayout.datacenter(i, datacenters),
                    DatacenterLayout.rack(i, datacenters)));
        }
        StackState.Kafka kafkaState = planKafka(existing);
        String clusterId = existing.map(s -> s.kafka().clusterId()).orElseGet(() -> Uuid.randomUuid().toString());
        int redisPort = reserve("redis", "Redis", existing.map(s -> s.redis().port()).orElse(options.redisPort()),
                List.of(LOOPBACK));
        List<StackState.RedisClusterNode> clusterState = planRedisCluster(existing);
        StackState.Sshd sshdState = null;
        if (options.sshd()) {
            int sshPort = reserve(LocalSshd.NAME, "SSH", existing.map(StackState::sshd).map(StackState.Sshd::port)
                    .orElse(options.sshPort()), List.of(LOOPBACK));
            SshdFiles files = SshdFiles.of(options.dataFolder()).ensure();
            sshdState = new StackState.Sshd(LOOPBACK, sshPort, false, null, SshdFiles.USER,
                    files.clientKey().toAbsolutePath().toString(), files.passphraseFile().toAbsolutePath().toString(),
                    files.passwordFile().toAbsolutePath().toString(), files.hostKeyFingerprint());
        }
        StackState.RedisSentinel sentinelState = options.redisSentinel() ? planSentinels(existing) : null;

        state = StackState.builder()
                .cassandra(new StackState.Cassandra(CassandraNode.CLUSTER_NAME, nodeStates))
                .kafka(new StackState.Kafka(kafkaState.bootstrap(), LOOPBACK, kafkaState.port(), kafkaState.controllerPort(),
                        clusterId, false, null, BuildInfo.kafkaVersion(), kafkaState.brokers()))
                .redis(new StackState.Redis(LOOPBACK, redisPort, false, null,
                        existing.map(s -> s.redis().version()).orElse(null), null))
                .supervisor(new StackState.Supervisor(ProcessHandle.current().pid(), controlPath, consoleSupervised))
                .security(security == null ? null : new StackState.Security(security.caFile().toAbsolutePath().toString(),
                        security.credentialsFile().toAbsolutePath().toString(), security.username(),
                        existing.map(StackState::security).map(StackState.Security::redisTls).orElse(false),
                        StackSecurity.KAFKA_SECURITY_PROTOCOL, StackSecurity.SASL_MECHANISM,
                        StackState.Security.JMX_PASSWORD))
                .redisCluster(clusterState).sshd(sshdState).redisSentinel(sentinelState)
                .build();
        stateFile.write(state);

        Path data = options.dataFolder();
        Path toolFolder = cacheFolder.resolve("tools");
        String seed = addresses.get(0) + ":" + storage;
        nodes.clear();
        for (StackState.CassandraNode n : nodeStates) {
            int id = n.id();
            nodes.put(id, new CassandraNode(data.resolve("cassandra").resolve("node" + id), () -> state().node(id),
                    seed, options, artifacts, toolFolder, security));
        }
        if (loginDeferred) {
            nodes.get(1).deferLogin();
        }
        sentinelGroup = sentinelState == null ? null : new RedisSentinelGroup(data.resolve("redis-sentinel"), LOOPBACK,
                redisPort, () -> state().redisSentinel().replica(), i -> state().redisSentinel().sentinels().get(i - 1),
                artifacts, cacheFolder);
        sshd = options.sshd() ? new LocalSshd(data, () -> state().sshd(), toolFolder) : null;
        brokers.clear();
        if (state.kafka().brokers().isEmpty()) {
            brokers.add(new KafkaBroker(data.resolve("kafka"), () -> state().kafka(), artifacts, toolFolder, security));
        } else {
            for (StackState.KafkaBroker broker : state.kafka().brokers()) {
                brokers.add(new KafkaBroker("kafka-" + broker.id(), broker.id(), data.resolve("kafka-" + broker.id()),
                        () -> state().kafka(), artifacts, toolFolder, security));
            }
        }
        redis = new RedisServer(data.resolve("redis"), () -> state().redis(), artifacts, cacheFolder, security);
        clusterNodes.clear();
        for (StackState.RedisClusterNode node : clusterState) {
            int i = clusterNodes.size() + 1;
            StackState.Redis spec = new StackState.Redis(LOOPBACK, node.port(), false, null, null, null);
            clusterNodes.add(RedisServer.clusterNode(i, data.resolve("redis-cluster").resolve("node" + i), () -> spec,
                    artifacts, cacheFolder));
        }
    }

    /**
     * Kafka's ports, kept from the state file when there is one. The number of brokers is fixed at
     * the first start: a KRaft quorum's voters are written into every broker's metadata log.
     */
    private StackState.Kafka planKafka(Optional<StackState> existing) {
        int existingBrokers = existing.map(s -> s.kafka().brokerList().size()).orElse(0);
        if (existingBrokers != 0 && options.kafkaBrokers() != 0 && options.kafkaBrokers() != existingBrokers) {
            throw new StackException("The stack in " + options.dataFolder() + " has " + existingBrokers
                    + (existingBrokers == 1 ? " Kafka broker" : " Kafka brokers") + "; start it with --kafka-brokers "
                    + existingBrokers + " (a KRaft quorum's size is fixed when its storage is formatted: use another "
                    + "data folder for " + options.kafkaBrokers() + ")");
        }
        int count = existingBrokers != 0 ? existingBrokers : Math.max(1, options.kafkaBrokers());
        List<StackState.KafkaBroker> planned = new ArrayList<>();
        for (int id = 1; id <= count; id++) {
            int brokerId = id;
            Optional<StackState.KafkaBroker> before = existing.map(s -> s.kafka().broker(brokerId));
            String name = count == 1 ? "kafka" : "kafka-" + id;
            int port = reserve(name, "Kafka listener", before.map(StackState.KafkaBroker::port)
                    .orElse(options.kafkaPort(id)), List.of(LOOPBACK));
            int controller = reserve(name, "Kafka controller", before.map(StackState.KafkaBroker::controllerPort)
                    .orElse(options.controllerPort(id)), List.of(LOOPBACK));
            planned.add(new StackState.KafkaBroker(id, port, controller, false, null));
        }
        String bootstrap = String.join(",", planned.stream().map(b -> LOOPBACK + ":" + b.port()).toList());
        StackState.KafkaBroker first = planned.get(0);
        return new StackState.Kafka(bootstrap, LOOPBACK, first.port(), first.controllerPort(), null, false, null, null,
                count == 1 ? List.of() : planned);
    }

    /**
     * The Redis Cluster's nodes with their ports (the recorded ones preferred, as the nodes' own
     * {@code nodes.conf} name them): three masters and, with {@code --replicas 1} or when the data
     * folder had them, three replicas on the ports after theirs. Each port's bus port (+10000) is
     * reserved with it.
     */
    private List<StackState.RedisClusterNode> planRedisCluster(Optional<StackState> existing) {
        clusterPorts.clear();
        List<StackState.RedisClusterNode> planned = new ArrayList<>();
        if (!options.redisCluster()) {
            return planned;
        }
        List<StackState.RedisClusterNode> recorded = existing.map(StackState::redisCluster).orElse(List.of());
        int masters = RedisClusterFormation.MASTERS;
        int replicas = Math.max(options.redisClusterReplicas(), Math.max(0, recorded.size() - masters) / masters);
        for (int i = 1; i <= masters * (1 + replicas); i++) {
            String name = "redis-cluster-" + i;
            int preferred = recorded.stream().filter(n -> n.name().equals(name)).findFirst()
                    .map(StackState.RedisClusterNode::port).orElse(options.redisClusterPort(i));
            int port = PortAllocator.chooseRedisClusterPort(preferred);
            reservedPorts.add(port);
            if (port != preferred) {
                portMoves.add(new PortMove(name, "Redis Cluster node", preferred, port));
            }
            clusterPorts.add(port);
            String role = recorded.stream().filter(n -> n.name().equals(name)).findFirst()
                    .map(StackState.RedisClusterNode::role).orElse(i <= masters ? "master" : "replica");
            planned.add(new StackState.RedisClusterNode(name, LOOPBACK, port, role, false, null));
        }
        return planned;
    }

    /** The replica's and the sentinels' endpoints, keeping the recorded ports when free. */
    private StackState.RedisSentinel planSentinels(Optional<StackState> existing) {
        Optional<StackState.RedisSentinel> recorded = existing.map(StackState::redisSentinel);
        int replicaPort = reserve("redis-replica", "Redis replica",
                recorded.map(r -> r.replica().port()).orElse(options.redisReplicaPort()), List.of(LOOPBACK));
        List<StackState.Redis> sentinels = new ArrayList<>();
        for (int i = 1; i <= RedisSentinelGroup.SENTINELS; i++) {
            int index = i;
            int port = reserve("redis-sentinel-" + i, "Redis Sentinel", recorded.filter(r -> r.sentinels().size() >= index)
                    .map(r -> r.sentinels().get(index - 1).port()).orElse(options.redisSentinelPort(i)), List.of(LOOPBACK));
            sentinels.add(new StackState.Redis(LOOPBACK, port, false, null, null, null));
        }
        return new StackState.RedisSentinel(RedisSentinelGroup.MASTER_NAME, RedisSentinelGroup.QUORUM,
                new StackState.Redis(LOOPBACK, replicaPort, false, null, null, null), List.copyOf(sentinels));
    }

    /**
     * The recorded state with {@code up} re-checked: a server counts as up when its process is
     * alive and its port accepts connections. Cheap enough for {@code stack status}.
     */
    public static StackState probe(StackState recorded) {
        StackState result = recorded;
        for (StackState.CassandraNode node : recorded.cassandra().nodes()) {
            boolean up = alive(node.pid()) && PortAllocator.isListening(node.address(), node.port());
            result = result.withNode(node.withStatus(up, up ? node.pid() : null));
        }
        StackState.Kafka k = recorded.kafka();
        for (StackState.KafkaBroker broker : k.brokerList()) {
            boolean brokerUp = alive(broker.pid()) && PortAllocator.isListening(k.host(), broker.port());
            k = k.withBroker(broker.withStatus(brokerUp, brokerUp ? broker.pid() : null));
        }
        result = result.withKafka(k);
        StackState.Redis r = recorded.redis();
        boolean redisUp = alive(r.pid()) && PortAllocator.isListening(r.host(), r.port());
        result = result.withRedis(r.withStatus(redisUp, redisUp ? r.pid() : null));
        for (StackState.RedisClusterNode node : recorded.redisCluster()) {
            boolean up = alive(node.pid()) && PortAllocator.isListening(node.host(), node.port());
            result = result.withRedisClusterNode(node.withStatus(up, up ? node.pid() : null));
        }
        result = recordRoles(result);
        StackState.Sshd s = recorded.sshd();
        if (s != null) {
            boolean sshUp = alive(s.pid()) && PortAllocator.isListening(s.host(), s.port());
            result = result.withSshd(s.withStatus(sshUp, sshUp ? s.pid() : null));
        }
        StackState.RedisSentinel group = recorded.redisSentinel();
        if (group != null) {
            StackState.RedisSentinel probed = group.withReplica(probe(group.replica()));
            for (int i = 1; i <= group.sentinels().size(); i++) {
                probed = probed.withSentinel(i, probe(group.sentinels().get(i - 1)));
            }
            result = result.withRedisSentinel(probed);
        }
        if (recorded.supervisor() != null && !alive(recorded.supervisor().pid())) {
            result = result.withSupervisor(null);
        }
        return result;
    }

    private static StackState.Redis probe(StackState.Redis server) {
        boolean up = alive(server.pid()) && PortAllocator.isListening(server.host(), server.port());
        return server.withStatus(up, up ? server.pid() : null);
    }

    /**
     * The master the stack's sentinels name now, from the first that answers; empty without a
     * Sentinel group or when none answers. For {@code stack status}: it may differ from the stack's
     * own Redis after a failover.
     */
    public static Optional<String> sentinelMaster(StackState state) {
        StackState.RedisSentinel group = state.redisSentinel();
        if (group == null) {
            return Optional.empty();
        }
        return group.sentinels().stream().filter(StackState.Redis::up)
                .map(s -> RedisSentinelGroup.currentMaster(s.host(), s.port()))
                .flatMap(Optional::stream).findFirst().map(master -> master.getHost() + ":" + master.getPort());
    }

    static boolean alive(Long pid) {
        return pid != null && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
