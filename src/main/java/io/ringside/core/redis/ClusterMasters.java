package io.ringside.core.redis;

import io.ringside.core.BackendUnavailableException;
import io.ringside.core.RingsideException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * keyspace, so a full listing scans every one of them and a command on a listed key goes to the
 * master owning its slot rather than to all of them. Closing it closes the masters' clients.
 */
public final class ClusterMasters implements AutoCloseable {

    static final int SLOTS = 16_384;

    /** A master as {@code CLUSTER NODES} lists it: its address and the ranges of slots it serves. */
    record Master(HostAndPort address, List<int[]> slotRanges) {
    }

    private final List<JedisPooled> clients;
    private final List<HostAndPort> addresses;
    private final int[] owners;

    private ClusterMasters(List<Master> masters, JedisClientConfig config) {
        this.owners = owners(masters);
        this.addresses = masters.stream().map(Master::address).toList();
        this.clients = masters.stream().map(master -> new JedisPooled(master.address(), config)).toList();
    }

    /**
     * The masters {@code CLUSTER NODES} of {@code seed} lists (flag {@code master}, neither
     * {@code fail} nor {@code noaddr}), each with a client connecting with {@code config} (ACL user,
     * TLS, timeouts).
     *
     * @throws BackendUnavailableException when the seed does not answer or lists no reachable master
     */
    public static ClusterMasters open(HostAndPort seed, JedisClientConfig config) {
        return new ClusterMasters(masters(seed, config), config);
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
        List<String> failures = new ArrayList<>();
        boolean refused = false;
        for (HostAndPort seed : seeds) {
            try {
                return new ClusterMasters(masters(seed, config), config);
            } catch (BackendUnavailableException e) {
                failures.add(e.getMessage());
            } catch (RingsideException e) {
                refused = true;
                failures.add(e.getMessage());
            }
        }
        String message = "No Redis Cluster seed of " + seeds + " answered with a reachable master:\n  "
                + String.join("\n  ", failures);
        throw refused ? new RingsideException(message) : new BackendUnavailableException(message);
    }

    private static List<Master> masters(HostAndPort seed, JedisClientConfig config) {
        String nodes;
        try (Jedis jedis = new Jedis(seed, config)) {
            nodes = jedis.clusterNodes();
        } catch (JedisConnectionException e) {
            throw new BackendUnavailableException("Redis at " + seed + " is unreachable: " + e.getMessage(), e);
        } catch (JedisDataException e) {
            throw new RingsideException("Redis at " + seed + " is named as a Redis Cluster seed but refuses "
                    + "CLUSTER NODES (" + e.getMessage() + "); a single server is named by host and port alone", e);
        }
        return parse(seed, nodes);
    }

    /** One client a master, in the order {@code CLUSTER NODES} lists them. */
    public List<JedisPooled> clients() {
        return clients;
    }

    /** The address of the master at {@code index} of {@link #clients()}, for connections of a caller's own. */
    HostAndPort address(int index) {
        return addresses.get(index);
    }

    /** The index in {@link #clients()} of the master serving {@code key}'s slot; -1 when none does. */
    public int ownerOf(byte[] key) {
        return owners[JedisClusterCRC16.getSlot(key)];
    }

    @Override
    public void close() {
        clients.forEach(JedisPooled::close);
    }

    /**
     * The reachable masters of a {@code CLUSTER NODES} answer; slots being imported or migrated
     * ({@code [slot->-id]}) stay with the master serving them now.
     *
     * @throws BackendUnavailableException naming {@code seed} and every node it listed, when none is a reachable master
     */
    static List<Master> parse(HostAndPort seed, String clusterNodes) {
        List<Master> masters = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String line : clusterNodes.split("\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length < 3) {
                continue;
            }
            String address = fields[1].split("[@,]")[0];
            seen.add(address + " " + fields[2]);
            List<String> flags = List.of(fields[2].split(","));
            if (flags.contains("master") && !flags.contains("fail") && !flags.contains("noaddr")) {
                int colon = address.lastIndexOf(':');
                masters.add(new Master(new HostAndPort(address.substring(0, colon),
                        Integer.parseInt(address.substring(colon + 1))), slotRanges(fields)));
            }
        }
        if (masters.isEmpty()) {
            throw new BackendUnavailableException("Redis Cluster seed " + seed + " lists no reachable master in "
                    + "CLUSTER NODES (" + (seen.isEmpty() ? "no nodes at all" : String.join("; ", seen))
                    + "); the cluster's keys cannot be reached until a master is up");
        }
        return masters;
    }

    private static List<int[]> slotRanges(String[] fields) {
        List<int[]> ranges = new ArrayList<>();
        for (int i = 8; i < fields.length; i++) {
            String slots = fields[i];
            if (slots.isEmpty() || slots.startsWith("[")) {
                continue;
            }
            int dash = slots.indexOf('-');
            int first = Integer.parseInt(dash < 0 ? slots : slots.substring(0, dash));
            int last = dash < 0 ? first : Integer.parseInt(slots.substring(dash + 1));
            ranges.add(new int[] {first, last});
        }
        return ranges;
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
