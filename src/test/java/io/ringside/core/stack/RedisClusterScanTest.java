package io.ringside.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.redis.ClusterMasters;
import io.ringside.core.redis.KeyInfo;
import io.ringside.core.redis.KeyScanner;
import io.ringside.core.redis.ScanProgress;
import io.ringside.core.redis.ScanRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;

/**
 * The key scanner over a three-master Redis Cluster of real redis-server processes
 * ({@link RedisClusterFixture}).
 */
class RedisClusterScanTest {

    @TempDir
    Path data;

    @Test
    void aScanOfEveryMasterFindsExactlyTheKeysWrittenToTheCluster() {
        try (RedisClusterFixture redisCluster = new RedisClusterFixture(data, 17_100)) {
            List<Integer> ports = redisCluster.ports;
            assertEquals(3, ClusterMasters.of(new HostAndPort("127.0.0.1", ports.get(2))).size());

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
            List<JedisPooled> masters = ClusterMasters.of(new HostAndPort("127.0.0.1", ports.get(1))).stream()
                    .map(JedisPooled::new).toList();
            try {
                for (JedisPooled master : masters) {
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
            } finally {
                masters.forEach(JedisPooled::close);
            }
        }
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
