package io.ringside.core.redis;

import io.ringside.core.BackendUnavailableException;
import io.ringside.core.RingsideException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * The reachable masters of a Redis Cluster with a client of each, and which of them serves each
 * hash slot, from {@code CLUSTER NODES} of any one node: each master holds its own part of the
 * keyspace, so a full listing scans every one of them (never a replica, which holds a copy) and a
 * command on a listed key goes to the master owning its slot rather than to all of them.
 * {@link #refresh} reads the topology again: after a failover the promoted replica is scanned and
 * its dead master no longer is. Closing it closes the masters' clients.
 */
public final class ClusterMasters implements AutoCloseable {

    static final int SLOTS = 16_384;

    /** A master as {@code CLUSTER NODES} lists it: its address and the ranges of slots it serves. */
    record Master(HostAndPort address, List<int[]> slotRanges) {
    }

    /** One reading of the topology: the masters with a client each, and the owner of each slot. */
    record View(List<Master> masters, List<JedisPooled> clients, int[] owners, List<ClusterNode> nodes) {

        int ownerOf(byte[] key) {
            return owners[JedisClusterCRC16.getSlot(key)];
        }
    }

    private final List<HostAndPort> seeds;
    private final JedisClientConfig config;
    private volatile View view;
    /** Clients of masters a refresh dropped: a scan may still hold them, so they close with this. */
    private final List<JedisPooled> retired = new ArrayList<>();

    private ClusterMasters(List<HostAndPort> seeds, JedisClientConfig config, HostAndPort answered,
                           List<ClusterNode> nodes) {
        this.seeds = List.copyOf(seeds);
        this.config = config;
        this.view = view(answered, nodes, List.of(), List.of());
    }

    /**
     * The masters {@code CLUSTER NODES} of {@code seed} lists (flag {@code master}, neither
     * {@code fail} nor {@code noaddr}), each with a client connecting with {@code config} (ACL user,
     * TLS, timeouts).
     *
     * @throws BackendUnavailableException when the seed does not answer or lists no reachable master
     */
    public static ClusterMasters open(HostAndPort seed, JedisClientConfig config) {
        return new ClusterMasters(List.of(seed), config, seed, nodes(seed, config));
    }

    /**
     * The masters as the first of {@code seeds} that answers lists them: a profile names several
     * seeds so that one being down does not hide the cluster.
     *
     * @throws BackendUnavailableException naming every seed and what each said, when none answers
     *         with a reachable master
     * @throws RingsideException when no seed answers with masters and one refused CLUSTER NODES
     *         (a single server named as a cluster seed)
     */
    public static ClusterMasters open(List<HostAndPort> seeds, JedisClientConfig config) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a Redis Cluster needs at least one seed");
        }
        Answer answer = firstAnswer(seeds, config);
        return new ClusterMasters(seeds, config, answer.from(), answer.nodes());
    }

    private record Answer(HostAndPort from, List<ClusterNode> nodes) {
    }

    private static Answer firstAnswer(List<HostAndPort> candidates, JedisClientConfig config) {
        List<String> failures = new ArrayList<>();
        boolean refused = false;
        for (HostAndPort seed : candidates) {
            try {
                List<ClusterNode> nodes = nodes(seed, config);
                parse(seed, nodes);
                return new Answer(seed, nodes);
            } catch (BackendUnavailableException e) {
                failures.add(e.getMessage());
            } catch (RingsideException e) {
                refused = true;
                failures.add(e.getMessage());
            }
        }
        String message = "No Redis Cluster seed of " + candidates + " answered with a reachable master:\n  "
                + String.join("\n  ", failures);
        throw refused ? new RingsideException(message) : new BackendUnavailableException(message);
    }

    private static List<ClusterNode> nodes(HostAndPort seed, JedisClientConfig config) {
        try (Jedis jedis = new Jedis(seed, config)) {
            return ClusterNode.parse(jedis.clusterNodes());
        } catch (JedisConnectionException e) {
            throw new BackendUnavailableException("Redis at " + seed + " is unreachable: " + e.getMessage(), e);
        } catch (JedisDataException e) {
            throw new RingsideException("Redis at " + seed + " is named as a Redis Cluster seed but refuses "
                    + "CLUSTER NODES (" + e.getMessage() + "); a single server is named by host and port alone", e);
        }
    }

    /**
     * Reads the topology again from the first node that answers (the seeds, then every node the
     * last reading listed) and, when the masters or their slots changed, scans the new masters
     * from now on: the clients of masters still there are kept.
     *
     * @return the topology now
     * @throws BackendUnavailableException when no node answers with a reachable master
     */
    public synchronized List<ClusterNode> refresh() {
        Set<HostAndPort> candidates = new LinkedHashSet<>(seeds);
        for (ClusterNode node : view.nodes()) {
            if (node.address().lastIndexOf(':') > 0 && !node.flags().contains("noaddr")) {
                candidates.add(hostAndPort(node.address()));
            }
        }
        Answer answer = firstAnswer(new ArrayList<>(candidates), config);
        View before = view;
        List<Master> masters = parse(answer.from(), answer.nodes());
        if (sameMasters(before.masters(), masters)) {
            view = new View(before.masters(), before.clients(), before.owners(), answer.nodes());
        } else {
            view = view(answer.from(), answer.nodes(), before.masters(), before.clients());
            for (JedisPooled client : before.clients()) {
                if (!view.clients().contains(client)) {
                    retired.add(client);
                }
            }
        }
        return view.nodes();
    }

    /** The nodes as the last reading listed them, replicas and failed ones included. */
    public List<ClusterNode> nodes() {
        return view.nodes();
    }

    View view() {
        return view;
    }

    private View view(HostAndPort answered, List<ClusterNode> nodes, List<Master> known, List<JedisPooled> clients) {
        List<Master> masters = parse(answered, nodes);
        List<JedisPooled> mastersClients = new ArrayList<>();
        for (Master master : masters) {
            int kept = -1;
            for (int i = 0; i < known.size(); i++) {
                if (known.get(i).address().equals(master.address())) {
                    kept = i;
                }
            }
            mastersClients.add(kept >= 0 ? clients.get(kept) : new JedisPooled(master.address(), config));
        }
        return new View(masters, List.copyOf(mastersClients), owners(masters), nodes);
    }

    private static boolean sameMasters(List<Master> a, List<Master> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).address().equals(b.get(i).address()) || !Arrays.deepEquals(
                    a.get(i).slotRanges().toArray(), b.get(i).slotRanges().toArray())) {
                return false;
            }
        }
        return true;
    }

    /** One client a master, in the order {@code CLUSTER NODES} lists them. */
    public List<JedisPooled> clients() {
        return view.clients();
    }

    /** The address of the master at {@code index} of {@link #clients()}, for connections of a caller's own. */
    HostAndPort address(int index) {
        return view.masters().get(index).address();
    }

    /** The index in {@link #clients()} of the master serving {@code key}'s slot; -1 when none does. */
    public int ownerOf(byte[] key) {
        return view.ownerOf(key);
    }

    @Override
    public synchronized void close() {
        view.clients().forEach(JedisPooled::close);
        retired.forEach(JedisPooled::close);
        retired.clear();
    }

    /**
     * The reachable masters of a {@code CLUSTER NODES} answer; slots being imported or migrated
     * ({@code [slot->-id]}) stay with the master serving them now.
     *
     * @throws BackendUnavailableException naming {@code seed} and every node it listed, when none is a reachable master
     */
    static List<Master> parse(HostAndPort seed, String clusterNodes) {
        return parse(seed, ClusterNode.parse(clusterNodes));
    }

    private static List<Master> parse(HostAndPort seed, List<ClusterNode> nodes) {
        List<Master> masters = new ArrayList<>();
        for (ClusterNode node : nodes) {
            if (node.reachableMaster()) {
                masters.add(new Master(hostAndPort(node.address()), node.slotRanges()));
            }
        }
        if (masters.isEmpty()) {
            List<String> seen = nodes.stream().map(n -> n.address() + " " + String.join(",", n.flags())).toList();
            throw new BackendUnavailableException("Redis Cluster seed " + seed + " lists no reachable master in "
                    + "CLUSTER NODES (" + (seen.isEmpty() ? "no nodes at all" : String.join("; ", seen))
                    + "); the cluster's keys cannot be reached until a master is up");
        }
        return masters;
    }

    private static HostAndPort hostAndPort(String address) {
        int colon = address.lastIndexOf(':');
        return new HostAndPort(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    }

    private static int[] owners(List<Master> masters) {
        int[] owners = new int[SLOTS];
        Arrays.fill(owners, -1);
        for (int m = 0; m < masters.size(); m++) {
            for (int[] range : masters.get(m).slotRanges()) {
                Arrays.fill(owners, range[0], range[1] + 1, m);
            }
        }
        return owners;
    }
}
