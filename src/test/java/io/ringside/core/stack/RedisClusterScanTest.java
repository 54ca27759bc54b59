package io.ringside.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.DataFolder;
import io.ringside.core.redis.ClusterMasters;
import io.ringside.core.redis.KeyInfo;
import io.ringside.core.redis.KeyScanner;
import io.ringside.core.redis.ScanProgress;
import io.ringside.core.redis.ScanRequest;
import io.ringside.testing.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Protocol;

/**
 * The key scanner over a three-master Redis Cluster of real redis-server processes (cluster-enabled,
 * slots assigned and nodes met by hand, as {@code redis-cli --cluster create} would), started here
 * through core.stack's {@link RedisServer}.
 */
class RedisClusterScanTest {

    private static final int SLOTS = 16_384;

    @TempDir
    Path data;

    @Test
    void aScanOfEveryMasterFindsExactlyTheKeysWrittenToTheCluster() {
        List<RedisServer> servers = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                int port = PortAllocator.choose(17_100 + 10 * i, List.of("127.0.0.1"));
                ports.add(port);
                StackState.Redis spec = new StackState.Redis("127.0.0.1", port, false, null, null, null);
                RedisServer server = new RedisServer(data.resolve("redis-" + i), () -> spec, new ServerArtifacts(),
                        DataFolder.cache(), List.of("--cluster-enabled", "yes", "--cluster-config-file",
                                data.resolve("redis-" + i).resolve("nodes.conf").toString()));
                server.start(StackListener.NONE, Duration.ofSeconds(60));
                servers.add(server);
            }
            for (int i = 0; i < 3; i++) {
                try (Jedis node = new Jedis("127.0.0.1", ports.get(i), 10_000)) {
                    int from = i * SLOTS / 3;
                    int to = (i + 1) * SLOTS / 3;
                    String[] args = IntStream.range(from, to).mapToObj(String::valueOf).toArray(String[]::new);
                    String[] command = new String[args.length + 1];
                    command[0] = "ADDSLOTS";
                    System.arraycopy(args, 0, command, 1, args.length);
                    node.sendCommand(Protocol.Command.CLUSTER, command);
                    if (i > 0) {
                        node.clusterMeet("127.0.0.1", ports.get(0));
                    }
                }
            }
            for (int port : ports) {
                try (Jedis node = new Jedis("127.0.0.1", port, 10_000)) {
                    Await.until("cluster state ok on " + port, Duration.ofSeconds(60),
                            () -> node.clusterInfo().contains("cluster_state:ok")
                                    && ClusterMasters.of(new HostAndPort("127.0.0.1", port)).size() == 3);
                }
            }

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
        } finally {
            servers.forEach(s -> s.stop(StackListener.NONE));
            ports.forEach(PortAllocator::release);
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
