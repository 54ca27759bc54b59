package io.ringside.core.redis;

import io.ringside.core.BackendUnavailableException;
import io.ringside.core.RingsideException;
import io.ringside.core.connect.AccessGuard;
import io.ringside.core.connect.Backends;
import io.ringside.core.connect.ReadOnlyProfileException;
import io.ringside.core.kafka.AuditLog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * The Redis command console's service: runs what the operator types on connections of its own
 * (RESP3, so replies keep their types), with the checks in this layer rather than in a page.
 *
 * <p>Safety comes from the server's own {@code COMMAND} flags: a read-only profile refuses every
 * command flagged {@code write} or {@code admin}, and any command the server does not list. The
 * commands that block the server or lose data ({@link #CONFIRM}) run only with a typed
 * confirmation, their name. Every command that writes, administers or needed a confirmation is
 * audited as {@value #AUDIT_ACTION} with its name and keys (never its values: a {@code SET}
 * may carry a secret), refusals and errors included. Commands that turn the connection into a
 * stream ({@code SUBSCRIBE}, {@code MONITOR}, replication) are refused: the console reads one
 * reply per command. On a Redis Cluster a keyed command goes to the master serving its slot, a
 * keyless one to the first master.
 */
public final class RedisConsole implements AutoCloseable {

    public static final String AUDIT_ACTION = "redis.command";

    /** Commands (and subcommands) that block the server or lose data: they need a typed confirmation. */
    static final Set<String> CONFIRM = Set.of("flushall", "flushdb", "keys", "debug", "shutdown", "config|set",
            "config|resetstat", "script|flush", "function|flush", "function|delete", "function|restore", "swapdb",
            "save", "failover", "replicaof", "slaveof", "cluster|reset", "cluster|flushslots", "client|kill",
            "client|pause", "acl|deluser");
    /** Commands after which the connection streams instead of answering once. */
    static final Set<String> STREAMING = Set.of("subscribe", "psubscribe", "ssubscribe", "monitor", "sync", "psync");

    private final List<HostAndPort> seeds;
    private final boolean cluster;
    private final JedisClientConfig config;
    private final Supplier<AuditLog> audit;
    private final AccessGuard guard;
    private final Map<HostAndPort, RespConnection> connections = new HashMap<>();
    private ClusterMasters masters;
    private RedisCommandCatalog catalog;

    /**
     * @param seeds   the server, or a cluster's seeds
     * @param cluster whether {@code seeds} name a Redis Cluster
     */
    public RedisConsole(List<HostAndPort> seeds, boolean cluster, JedisClientConfig config, Supplier<AuditLog> audit,
                        AccessGuard guard) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("the console needs a Redis server");
        }
        this.seeds = List.copyOf(seeds);
        this.cluster = cluster;
        this.config = config;
        this.audit = audit;
        this.guard = guard;
    }

    /**
     * The console of a profile's Redis: its server (for a sentinel profile the master now) or
     * cluster, client settings and guard.
     */
    public static RedisConsole of(Backends backends, Supplier<AuditLog> audit) {
        boolean cluster = backends.redisIsCluster();
        io.ringside.core.connect.RedisMaster master = cluster ? null : backends.redisMaster();
        List<HostAndPort> seeds = cluster ? backends.redisClusterSeeds()
                : List.of(new HostAndPort(master.host(), master.port()));
        return new RedisConsole(seeds, cluster, backends.redisClientConfig(), audit, backends.accessGuard());
    }

    public boolean readOnly() {
        return guard.readOnly();
    }

    /** The server's commands, read on first use ({@code COMMAND} and {@code COMMAND DOCS}). */
    public synchronized RedisCommandCatalog catalog() {
        if (catalog == null) {
            RespConnection connection = connection(firstNode());
            RespReply info = call(connection, List.of(ascii("COMMAND")));
            RespReply docs = call(connection, List.of(ascii("COMMAND"), ascii("DOCS")));
            catalog = RedisCommandCatalog.of(info, docs instanceof RespReply.Error ? new RespReply.Map(List.of()) : docs);
        }
        return catalog;
    }

    /** What running {@code command} needs, without running it: the confirmation word, or null for none. */
    public String confirmationFor(CommandLineParser.Command command) {
        return confirmation(command.words());
    }

    /**
     * The words that confirm a command of {@link #CONFIRM} ({@code FLUSHALL}, {@code CONFIG SET}),
     * null for any other. Taken from the words, not the catalog: a server before 7.0 lists no
     * subcommands.
     */
    public static String confirmation(List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        String name = words.get(0).toLowerCase(Locale.ROOT);
        if (CONFIRM.contains(name)) {
            return name.toUpperCase(Locale.ROOT);
        }
        if (words.size() > 1 && CONFIRM.contains(name + "|" + words.get(1).toLowerCase(Locale.ROOT))) {
            return (name + " " + words.get(1)).toUpperCase(Locale.ROOT);
        }
        return null;
    }

    /**
     * Runs one command.
     *
     * @param confirmation what the operator typed to confirm a command that needs it, or null
     * @throws ReadOnlyProfileException       for a command the server flags write or admin (or does
     *                                        not know) under a read-only profile
     * @throws ConfirmationRequiredException  for a command of {@link #CONFIRM} without its name typed
     * @throws BackendUnavailableException    when the server does not answer
     */
    public synchronized ConsoleResult run(CommandLineParser.Command command, String confirmation) {
        RedisCommandCatalog.Spec spec = catalog().resolve(command.words());
        String shown = command.argv().stream().map(KeyText::escape).collect(Collectors.joining(" "));
        String name = spec == null ? command.name().toUpperCase(Locale.ROOT) : spec.displayName();
        boolean writes = spec == null || spec.flagged("write") || spec.flagged("admin");
        String needs = confirmation(command.words());
        boolean audited = writes || needs != null;
        List<byte[]> keys = spec == null ? List.of() : keysOf(spec, command.argv());
        String target = name + (keys.isEmpty() ? "" : " " + keys.stream().map(KeyText::escape)
                .collect(Collectors.joining(" ")));
        try {
            if (spec != null && STREAMING.contains(spec.name())) {
                throw new RingsideException(name + " turns the connection into a stream of messages; the console "
                        + "reads one reply per command (use redis-cli for it)");
            }
            if (writes) {
                guard.checkWritable(spec == null ? "run " + name + ", a command this server does not list"
                        : "run " + name + " (flagged " + String.join(", ", spec.flags().stream()
                        .filter(f -> f.equals("write") || f.equals("admin")).toList()) + ")");
            }
            if (needs != null && (confirmation == null || !confirmation.trim().equalsIgnoreCase(needs))) {
                throw new ConfirmationRequiredException(name, needs, CONFIRM_WHY);
            }
        } catch (RingsideException e) {
            if (audited) {
                audit.get().record(AUDIT_ACTION, target, 0, "refused: " + e.getMessage());
            }
            throw e;
        }
        HostAndPort node = nodeFor(keys);
        long started = System.nanoTime();
        RespReply reply;
        try {
            reply = call(connection(node), command.argv());
        } catch (RuntimeException e) {
            if (audited) {
                audit.get().record(AUDIT_ACTION, target, 0, "failed: " + e.getMessage());
            }
            throw e;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        if (audited) {
            audit.get().record(AUDIT_ACTION, target, 1, reply instanceof RespReply.Error error
                    ? "error: " + error.message() : "ok");
        }
        return new ConsoleResult(shown, reply, node.toString(), elapsed);
    }

    private static final String CONFIRM_WHY = "can block the server or lose data";

    private List<byte[]> keysOf(RedisCommandCatalog.Spec spec, List<byte[]> argv) {
        if (!spec.flagged("movablekeys")) {
            return spec.keys(argv);
        }
        List<byte[]> ask = new ArrayList<>(List.of(ascii("COMMAND"), ascii("GETKEYS")));
        ask.addAll(argv);
        RespReply reply = call(connection(firstNode()), ask);
        List<byte[]> keys = new ArrayList<>();
        for (RespReply item : RedisCommandCatalog.items(reply)) {
            if (item instanceof RespReply.Bulk bulk) {
                keys.add(bulk.bytes());
            } else if (item.text() != null) {
                keys.add(item.text().getBytes(StandardCharsets.UTF_8));
            }
        }
        return keys;
    }

    /** The server a command with {@code keys} goes to: on a cluster, the master of their one slot. */
    private HostAndPort nodeFor(List<byte[]> keys) {
        if (!cluster) {
            return seeds.get(0);
        }
        ClusterMasters masters = masters();
        if (keys.isEmpty()) {
            return masters.address(0);
        }
        int slot = JedisClusterCRC16.getSlot(keys.get(0));
        for (byte[] key : keys) {
            if (JedisClusterCRC16.getSlot(key) != slot) {
                throw new RingsideException("The keys " + keys.stream().map(KeyText::escape).toList()
                        + " hash to different slots; on a Redis Cluster one command's keys must share a slot "
                        + "(use a {hash tag})");
            }
        }
        int owner = masters.ownerOf(keys.get(0));
        if (owner < 0) {
            throw new BackendUnavailableException("No reachable master serves slot " + slot + " of key "
                    + KeyText.escape(keys.get(0)));
        }
        return masters.address(owner);
    }

    private HostAndPort firstNode() {
        return cluster ? masters().address(0) : seeds.get(0);
    }

    /** The cluster's masters as they are now: read again for every command, so a failover is followed. */
    private ClusterMasters masters() {
        if (masters == null) {
            masters = ClusterMasters.open(seeds, config);
        } else {
            masters.refresh();
        }
        return masters;
    }

    private RespConnection connection(HostAndPort node) {
        RespConnection connection = connections.get(node);
        if (connection == null || connection.isBroken() || !connection.isConnected()) {
            if (connection != null) {
                connection.close();
            }
            try {
                connection = new RespConnection(node, config);
            } catch (JedisConnectionException e) {
                throw new BackendUnavailableException("Redis at " + node + " is unreachable: " + e.getMessage(), e);
            }
            connections.put(node, connection);
        }
        return connection;
    }

    private RespReply call(RespConnection connection, List<byte[]> argv) {
        try {
            return connection.send(argv);
        } catch (JedisConnectionException e) {
            connection.setBroken();
            throw new BackendUnavailableException("Redis did not answer " + new String(argv.get(0),
                    StandardCharsets.UTF_8).toUpperCase(Locale.ROOT) + ": " + e.getMessage(), e);
        }
    }

    private static byte[] ascii(String word) {
        return word.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public synchronized void close() {
        connections.values().forEach(RespConnection::close);
        connections.clear();
        if (masters != null) {
            masters.close();
            masters = null;
        }
    }
}
