package io.ringside.core.redis;

import io.ringside.core.BackendUnavailableException;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * The masters of a Redis Cluster, from {@code CLUSTER NODES} of any one node: each master holds
 * its own part of the keyspace, so a full listing scans every one of them.
 */
public final class ClusterMasters {

    private ClusterMasters() {
    }

    /** The reachable masters (flag {@code master}, not {@code fail}), as {@code CLUSTER NODES} of {@code seed} lists them. */
    public static List<HostAndPort> of(HostAndPort seed) {
        return of(seed, DefaultJedisClientConfig.builder().build());
    }

    /** As {@link #of(HostAndPort)}, connecting with {@code config} (ACL user, TLS, timeouts). */
    public static List<HostAndPort> of(HostAndPort seed, JedisClientConfig config) {
        try (Jedis jedis = new Jedis(seed, config)) {
            return parse(jedis.clusterNodes());
        } catch (JedisConnectionException e) {
            throw new BackendUnavailableException("Redis at " + seed + " is unreachable: " + e.getMessage(), e);
        }
    }

    /** A client of each master, for scanning them all; the caller closes them. */
    public static List<JedisPooled> clients(HostAndPort seed, JedisClientConfig config) {
        return of(seed, config).stream().map(master -> new JedisPooled(master, config)).toList();
    }

    static List<HostAndPort> parse(String clusterNodes) {
        List<HostAndPort> masters = new ArrayList<>();
        for (String line : clusterNodes.split("\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length < 3) {
                continue;
            }
            List<String> flags = List.of(fields[2].split(","));
            if (flags.contains("master") && !flags.contains("fail") && !flags.contains("noaddr")) {
                String address = fields[1].split("@")[0];
                int colon = address.lastIndexOf(':');
                masters.add(new HostAndPort(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))));
            }
        }
        return masters;
    }
}
