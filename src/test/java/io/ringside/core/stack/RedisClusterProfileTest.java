package io.ringside.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.Backends;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.ReadOnlyProfileException;
import io.ringside.core.kafka.AuditLog;
import io.ringside.core.redis.EvictionProgress;
import io.ringside.core.redis.KeyActionResult;
import io.ringside.core.redis.KeyAdmin;
import io.ringside.core.redis.KeyDetail;
import io.ringside.core.redis.KeyInfo;
import io.ringside.core.redis.ProfileKeys;
import io.ringside.core.redis.RedisServices;
import io.ringside.core.redis.ValueView;
import io.ringside.core.redis.ScanRequest;
import io.ringside.testing.TestPorts;
import io.ringside.ui.testing.MemorySecretStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;

/**
 * A connection profile with Redis Cluster seeds: {@code keys}, {@code ttl} and {@code evict} (through
 * {@link ProfileKeys}) reach every master, and a pattern eviction UNLINKs per hash slot, so a page
 * of keys spread over slots meets no CROSSSLOT refusal.
 */
class RedisClusterProfileTest {

    @TempDir
    Path data;

    @Test
    void aClusterProfileListsEveryMasterAndEvictsAndEditsTtlsAcrossSlots() throws Exception {
        try (RedisClusterFixture redisCluster = new RedisClusterFixture(data, TestPorts.REDIS_CLUSTER_PROFILE)) {
            List<Integer> ports = redisCluster.ports;
            Set<String> a = new HashSet<>();
            Set<String> b = new HashSet<>();
            try (JedisCluster cluster = new JedisCluster(new HostAndPort("127.0.0.1", ports.get(0)))) {
                for (int i = 0; i < 600; i++) {
                    String key = (i % 2 == 0 ? "cp:a:" : "cp:b:") + i;
                    cluster.set(key, "v" + i);
                    (i % 2 == 0 ? a : b).add(key);
                }
            }
            ConnectionProfile profile = clusterProfile(ports);
            try (Backends backends = Backends.open(profile, data, new MemorySecretStore());
                 ProfileKeys keys = ProfileKeys.of(backends)) {
                assertTrue(keys.cluster());
                Set<String> all = new HashSet<>(a);
                all.addAll(b);
                assertEquals(all, names(keys, "cp:*"));

                AuditLog audit = new AuditLog(data, backends.kafkaProperties(), profile.id());
                KeyAdmin admin = keys.admin(audit, () -> false);
                List<byte[]> someB = b.stream().limit(20).map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
                KeyActionResult ttl = admin.setTtl(someB, Duration.ofSeconds(600));
                assertEquals(20, ttl.changed(), ttl.failed().toString());

                EvictionProgress end = admin.evictByPattern("cp:a:*", "cp:a:*", p -> { }).await();
                assertEquals("ok", end.outcome());
                assertEquals(a.size(), end.removed());
                assertEquals(b, names(keys, "cp:*"), "exactly the matching keys are gone");
                try (JedisCluster cluster = new JedisCluster(new HostAndPort("127.0.0.1", ports.get(2)))) {
                    for (byte[] key : someB) {
                        long left = cluster.pttl(key);
                        assertTrue(left > 500_000 && left <= 600_000, new String(key, StandardCharsets.UTF_8) + " " + left);
                    }
                }
                KeyAdmin readOnly = keys.admin(audit, () -> true);
                assertThrows(ReadOnlyProfileException.class, () -> readOnly.evictByPattern("cp:*", "cp:*", p -> { }));
                assertEquals(b, names(keys, "cp:*"));
                String spooled = Files.readString(audit.spool().file());
                assertTrue(spooled.contains("\"target\":\"pattern cp:a:*\"") && spooled.contains("\"count\":300"),
                        spooled);
            }
        }
    }

    @Test
    void theCachePagesServicesOnAClusterProfileListReadAndSizeKeysOfEveryMaster() {
        try (RedisClusterFixture redisCluster = new RedisClusterFixture(data, TestPorts.REDIS_CLUSTER_PROFILE)) {
            List<Integer> ports = redisCluster.ports;
            Set<String> written = new HashSet<>();
            try (JedisCluster cluster = new JedisCluster(new HostAndPort("127.0.0.1", ports.get(0)))) {
                for (int i = 0; i < 300; i++) {
                    cluster.set("cs:" + i, "value-" + i);
                    written.add("cs:" + i);
                }
            }
            ConnectionProfile profile = clusterProfile(ports);
            try (Backends backends = Backends.open(profile, data, new MemorySecretStore())) {
                RedisServices services = new RedisServices(() -> {
                    throw new AssertionError("a cluster profile has no single Redis client");
                }, () -> new AuditLog(data, backends.kafkaProperties(), profile.id()), () -> true)
                        .following(() -> backends);
                List<KeyInfo> listed = Collections.synchronizedList(new ArrayList<>());
                services.scanner().start(ScanRequest.of("cs:*", null, 0), KeyDetail.TYPE_TTL,
                        (page, p) -> listed.addAll(page)).await();
                assertEquals(written, listed.stream().map(k -> new String(k.key(), StandardCharsets.UTF_8))
                        .collect(Collectors.toSet()));
                List<byte[]> shown = listed.subList(0, 40).stream().map(KeyInfo::key).toList();
                assertTrue(Arrays.stream(services.scanner().sizes(shown)).allMatch(size -> size > 0),
                        "every key's size comes from the master owning it");
                for (int i = 0; i < 300; i += 37) {
                    ValueView value = services.values().read(("cs:" + i).getBytes(StandardCharsets.UTF_8), null, 10, false);
                    assertEquals("string", value.type());
                    assertTrue(value.string().text().contains("value-" + i), value.string().text());
                }
                assertTrue(services.stats().sample().fields().containsKey("redis_version"));
                assertThrows(ReadOnlyProfileException.class, () -> services.admin().evict(shown));
            }
        }
    }

    @Test
    void aProfileWhoseFirstSeedIsDownReachesTheClusterThroughTheNextSeed() {
        int closed = PortAllocator.choose(TestPorts.REDIS_CLUSTER_PROFILE.ports().kafkaPort(), List.of("127.0.0.1"));
        try (RedisClusterFixture redisCluster = new RedisClusterFixture(data, TestPorts.REDIS_CLUSTER_PROFILE)) {
            List<Integer> ports = redisCluster.ports;
            Set<String> written = new HashSet<>();
            try (JedisCluster cluster = new JedisCluster(new HostAndPort("127.0.0.1", ports.get(0)))) {
                for (int i = 0; i < 120; i++) {
                    cluster.set("fs:" + i, "v");
                    written.add("fs:" + i);
                }
            }
            ConnectionProfile profile = clusterProfile(ports.get(0),
                    List.of("127.0.0.1:" + closed, "127.0.0.1:" + ports.get(1)));
            try (Backends backends = Backends.open(profile, data, new MemorySecretStore());
                 ProfileKeys keys = ProfileKeys.of(backends)) {
                assertTrue(keys.cluster());
                assertEquals(written, names(keys, "fs:*"), "every master's keys, found through the second seed");
            }
        } finally {
            PortAllocator.release(closed);
        }
    }

    private static ConnectionProfile clusterProfile(List<Integer> ports) {
        return clusterProfile(ports.get(0), List.of("127.0.0.1:" + ports.get(1)));
    }

    private static ConnectionProfile clusterProfile(int port, List<String> seeds) {
        return new ConnectionProfile("cluster-test", "cluster test", null, false,
                new ConnectionProfile.Cassandra(List.of("127.0.0.1:1"), null, null, null, null),
                new ConnectionProfile.Redis("127.0.0.1", port, seeds, null, 0, ConnectionProfile.Tls.OFF),
                new ConnectionProfile.Kafka("127.0.0.1:1", null, null, ConnectionProfile.Tls.OFF));
    }

    private static Set<String> names(ProfileKeys keys, String pattern) {
        List<KeyInfo> listed = Collections.synchronizedList(new ArrayList<>());
        keys.scanner().scan(ScanRequest.of(pattern, null, 0), (page, p) -> listed.addAll(page));
        return listed.stream().map(k -> new String(k.key(), StandardCharsets.UTF_8)).collect(Collectors.toSet());
    }
}
