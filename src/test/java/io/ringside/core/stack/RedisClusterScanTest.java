package io.ringside.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.redis.ClusterMasters;
import io.ringside.core.redis.InfoSnapshot;
import io.ringside.core.redis.KeyInfo;
import io.ringside.core.redis.KeyScanner;
import io.ringside.core.redis.ScanProgress;
import io.ringside.core.redis.ScanRequest;
import io.ringside.testing.TestPorts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;

/**
 * The key scanner over a three-master Redis Cluster of real redis-server processes
 * ({@link RedisClusterFixture}).
 */
class RedisClusterScanTest {

    private static final JedisClientConfig PLAIN = DefaultJedisClientConfig.builder().build();

    @TempDir
    Path data;

    @Test
    void aScanOfEveryMasterFindsExactlyTheKeysWrittenToTheCluster() {
        try (RedisClusterFixture redisCluster = new RedisClusterFixture(data, TestPorts.REDIS_CLUSTER_SCAN)) {
            List<Integer> ports = redisCluster.ports;
            Set<String> written = new HashSet<>();
            try (JedisCluster cluster = new JedisCluster(new HostAndPort("127.0.0.1", ports.get(0)))) {
                for (int i = 0; i < 900; i++) {
                    String key = "cl:" + (i % 3 == 0 ? "h:" : "s:") + i;
                    if (i % 3 == 0) {
                        cluster.hset(key, "f", "v");
                    } else {
                        cluster.set(key, "v" + i);
                    }
                    written.add(key);
                }
            }
            try (ClusterMasters masters = ClusterMasters.open(new HostAndPort("127.0.0.1", ports.get(1)), PLAIN)) {
                assertEquals(3, masters.clients().size());
                for (JedisPooled master : masters.clients()) {
                    assertTrue(master.dbSize() > 100, "keys spread over every master");
                }
                KeyScanner scanner = KeyScanner.forCluster(masters);
                List<KeyInfo> listed = Collections.synchronizedList(new ArrayList<>());
                ScanProgress progress = scanner.scan(ScanRequest.of("cl:*", null, 0), (page, p) -> listed.addAll(page));
                assertEquals(written.size(), listed.size());
                assertEquals(written, names(listed));
                assertEquals(900, progress.dbSize());
                assertTrue(listed.stream().allMatch(k -> k.bytes() > 0 && k.ttlMs() == -1));
                assertEquals(written.stream().filter(k -> k.startsWith("cl:h:")).collect(Collectors.toSet()),
                        names(scan(scanner, ScanRequest.of("cl:*", "hash", 0))));
                assertEquals(Set.of("cl:s:1"), names(scan(scanner, ScanRequest.of("cl:s:1", null, 0))),
                        "an exact key is found on whichever master owns it");
            }
        }
    }

    @Test
    void sizesAreAskedOfTheMasterOwningEachKeyOnly() {
        try (RedisClusterFixture redisCluster = new RedisClusterFixture(data, TestPorts.REDIS_CLUSTER_SCAN)) {
            HostAndPort seed = new HostAndPort("127.0.0.1", redisCluster.ports.get(0));
            List<byte[]> keys = new ArrayList<>();
            List<Long> expected = new ArrayList<>();
            try (JedisCluster cluster = new JedisCluster(seed)) {
                for (int i = 0; i < 60; i++) {
                    byte[] key = ("sz:" + i).getBytes(StandardCharsets.UTF_8);
                    cluster.set(key, "v".repeat(40 * i).getBytes(StandardCharsets.UTF_8));
                    keys.add(key);
                    expected.add(cluster.memoryUsage(key));
                }
            }
            keys.add("sz:gone".getBytes(StandardCharsets.UTF_8));
            expected.add(-1L);
            try (ClusterMasters masters = ClusterMasters.open(seed, PLAIN)) {
                List<Long> held = new ArrayList<>();
                List<Long> before = new ArrayList<>();
                for (JedisPooled master : masters.clients()) {
                    held.add((long) master.keys("sz:*").size());
                    before.add(memoryUsageCalls(master));
                }
                assertTrue(held.stream().allMatch(n -> n > 0), "keys on every master: " + held);

                long[] sizes = KeyScanner.forCluster(masters).sizes(keys);

                assertEquals(expected, Arrays.stream(sizes).boxed().toList());
                for (int m = 0; m < masters.clients().size(); m++) {
                    long asked = memoryUsageCalls(masters.clients().get(m)) - before.get(m);
                    long own = held.get(m) + (masters.ownerOf(keys.get(60)) == m ? 1 : 0);
                    assertEquals(own, asked, "MEMORY USAGE calls on master " + m + " (holding " + held.get(m) + " keys)");
                }
            }
        }
    }

    /** MEMORY USAGE calls a master took, answered or refused with MOVED ({@code calls} + {@code rejected_calls}). */
    private static long memoryUsageCalls(JedisPooled master) {
        InfoSnapshot stats = InfoSnapshot.parse(Instant.now(), master.info("commandstats"));
        long calls = 0;
        for (Map.Entry<String, String> field : stats.fields().entrySet()) {
            if (field.getKey().startsWith("cmdstat_memory")) {
                for (String figure : field.getValue().split(",")) {
                    String[] pair = figure.split("=");
                    if (pair[0].equals("calls") || pair[0].equals("rejected_calls")) {
                        calls += Long.parseLong(pair[1]);
                    }
                }
            }
        }
        return calls;
    }

    private static List<KeyInfo> scan(KeyScanner scanner, ScanRequest request) {
        List<KeyInfo> listed = Collections.synchronizedList(new ArrayList<>());
        scanner.scan(request, (page, p) -> listed.addAll(page));
        return listed;
    }

    private static Set<String> names(List<KeyInfo> keys) {
        return keys.stream().map(k -> new String(k.key(), StandardCharsets.UTF_8)).collect(Collectors.toSet());
    }
}
