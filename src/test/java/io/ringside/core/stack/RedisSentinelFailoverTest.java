package io.ringside.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.DataFolder;
import io.ringside.core.connect.Backend;
import io.ringside.core.connect.Backends;
import io.ringside.core.connect.ConnectionCheck;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.ConnectionTester;
import io.ringside.core.connect.FailureKind;
import io.ringside.core.connect.RedisMaster;
import io.ringside.core.connect.SecretKind;
import io.ringside.core.data.DataServices;
import io.ringside.core.data.cache.CacheAside;
import io.ringside.core.data.cache.CacheOutcome;
import io.ringside.core.data.cache.CachePolicy;
import io.ringside.core.data.cache.ValueCodec;
import io.ringside.core.kafka.AuditLog;
import io.ringside.core.redis.CommandLineParser;
import io.ringside.core.redis.ConsoleResult;
import io.ringside.core.redis.RedisServices;
import io.ringside.testing.Await;
import io.ringside.testing.TestPorts;
import io.ringside.ui.testing.MemorySecretStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;

/**
 * The Sentinel group of {@code stack up --redis-sentinel} (a master, its replica, three
 * sentinels: real redis-server processes, without the stack's Cassandra and Kafka, which this
 * drill does not need) and a profile that names the sentinels: the master is paused (SIGSTOP, so
 * its connections hang rather than fail), and within 10 s the profile's Redis services, its
 * console and the data services' cache-aside write and read on the promoted replica and name it
 * as the master.
 */
class RedisSentinelFailoverTest {

    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration FAILOVER = Duration.ofSeconds(10);

    @TempDir
    Path data;

    @Test
    void aStoppedMasterIsReplacedByItsReplicaForTheServicesAndTheCacheWithinTenSeconds() throws Exception {
        StackOptions ports = TestPorts.REDIS_SENTINEL.ports();
        List<Integer> reserved = new ArrayList<>();
        StackState.Redis master = endpoint(ports.redisPort(), reserved);
        StackState.Redis replica = endpoint(ports.redisReplicaPort(), reserved);
        List<StackState.Redis> sentinels = new ArrayList<>();
        for (int i = 1; i <= RedisSentinelGroup.SENTINELS; i++) {
            sentinels.add(endpoint(ports.redisSentinelPort(i), reserved));
        }
        RedisServer masterServer = new RedisServer(data.resolve("redis"), () -> master, new ServerArtifacts(),
                DataFolder.cache(), null);
        RedisSentinelGroup group = new RedisSentinelGroup(data.resolve("redis-sentinel"), LOOPBACK, master.port(),
                () -> replica, i -> sentinels.get(i - 1), new ServerArtifacts(), DataFolder.cache());
        try {
            masterServer.start(StackListener.NONE, START);
            group.start(StackListener.NONE, START, server -> { });
            assertOwnerOnly(group.sentinels().get(0).sentinelConfigFile());

            ConnectionProfile profile = sentinelProfile(sentinels);
            try (Backends backends = Backends.open(profile, data, new MemorySecretStore());
                 DataServices dataServices = new DataServices(backends, data)) {
                RedisServices services = new RedisServices(backends::redis,
                        () -> new AuditLog(data, backends.kafkaProperties(), profile.id()), () -> false)
                        .following(() -> backends);
                CacheAside cache = dataServices.cache();
                assertEquals(new RedisMaster(LOOPBACK, master.port(), RedisSentinelGroup.MASTER_NAME),
                        services.sentinelMaster().orElseThrow());
                assertTrue(writesAndReads(cache, "before"), "the cache works on the first master");
                assertMasterTested(profile, backends, master.port());

                long paused = System.nanoTime();
                long masterPid = redisServerPid(masterServer);
                signal("STOP", masterPid);
                AtomicInteger attempt = new AtomicInteger();
                AtomicReference<String> last = new AtomicReference<>("nothing yet");
                try {
                    Await.until("the services and the cache to follow the promoted replica on port " + replica.port(),
                            FAILOVER, () -> {
                                try {
                                    last.set("master " + services.sentinelMaster().map(RedisMaster::describe).orElse("?"));
                                    return services.sentinelMaster().orElseThrow().port() == replica.port()
                                            && writesAndReads(cache, "after-" + attempt.incrementAndGet())
                                            && servedBy(services, replica.port());
                                } catch (RuntimeException e) {
                                    last.set(e.toString());
                                    return false;
                                }
                            });
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "; last seen: " + last.get(), e);
                }
                long seconds = (System.nanoTime() - paused) / 1_000_000_000;
                assertTrue(seconds < FAILOVER.toSeconds(), "followed after " + seconds + " s");
                assertEquals("master 127.0.0.1:" + replica.port() + " via Sentinel ringside",
                        "master " + services.sentinelMaster().orElseThrow().describe());
                assertMasterTested(profile, backends, replica.port());
                services.close();
            }
            sentinelsWithAPasswordOfTheirOwn(sentinels.get(0), replica.port());
        } finally {
            if (masterServer.pid() != null) {
                signal("CONT", redisServerPid(masterServer));
            }
            group.stopOrder().forEach(server -> server.stop(StackListener.NONE));
            masterServer.stop(StackListener.NONE);
            reserved.forEach(PortAllocator::release);
        }
    }

    /**
     * {@code profiles test}, the dialog's Test connection (a fresh client) and the status bar's
     * probe (the pooled client) of a sentinel profile test the master the sentinels name, not a
     * sentinel (which answers PING and INFO as well, with its own port and version).
     */
    private void assertMasterTested(ConnectionProfile profile, Backends pooled, int masterPort) {
        ConnectionTester tester = new ConnectionTester(Duration.ofSeconds(3));
        String expected = "127.0.0.1:" + masterPort + " via Sentinel ringside";
        try (Backends fresh = Backends.open(profile, data, new MemorySecretStore())) {
            ConnectionCheck direct = tester.check(fresh, Backend.REDIS);
            assertTrue(direct.ok(), direct.describe());
            assertEquals(expected, direct.endpoint(), direct.describe());
            ConnectionCheck probe = tester.checkAll(fresh, pooled).get(Backend.REDIS.ordinal());
            assertTrue(probe.ok(), probe.describe());
            assertEquals(expected, probe.endpoint(), probe.describe());
        }
    }

    /**
     * A sentinel that asks for a password of its own (after the drill, so the group's failover
     * is untouched): a profile that marks it so and holds the password gets the master from it,
     * writes there and tests ok; one that does not is told the sentinel refused the login.
     */
    private void sentinelsWithAPasswordOfTheirOwn(StackState.Redis sentinel, int masterPort) {
        try (Jedis admin = new Jedis(LOOPBACK, sentinel.port())) {
            admin.sendCommand(Protocol.Command.ACL, "SETUSER", "default", "on", ">sentinel-secret");
        }
        List<StackState.Redis> one = List.of(sentinel);
        ConnectionProfile plain = sentinelProfile(one);
        ConnectionProfile.Redis redis = plain.redis();
        ConnectionProfile withAuth = new ConnectionProfile(plain.id(), plain.name(), plain.color(), false, plain.cassandra(),
                new ConnectionProfile.Redis(redis.host(), redis.port(), redis.clusterSeeds(), redis.username(),
                        redis.database(), redis.tls(), redis.sentinels(), redis.sentinelMaster(), true),
                plain.kafka());
        MemorySecretStore secrets = new MemorySecretStore();
        secrets.put(withAuth.id(), SecretKind.REDIS_SENTINEL_PASSWORD, "sentinel-secret".toCharArray());
        ConnectionTester tester = new ConnectionTester(Duration.ofSeconds(3));
        try (Backends backends = Backends.open(withAuth, data, secrets)) {
            assertEquals(masterPort, backends.redisMaster().port());
            backends.redis().set("sentinel-auth", "yes");
            assertEquals("yes", backends.redis().get("sentinel-auth"));
            ConnectionCheck check = tester.check(backends, Backend.REDIS);
            assertTrue(check.ok(), check.describe());
        }
        try (Backends backends = Backends.open(plain, data, new MemorySecretStore())) {
            ConnectionCheck refused = tester.check(backends, Backend.REDIS);
            assertEquals(FailureKind.AUTH_FAILED, refused.failure(), refused.describe());
            assertEquals("sentinel 127.0.0.1:" + sentinel.port(), refused.endpoint(), refused.describe());
        }
    }

    /**
     * A miss that stores the value and a hit that reads it back: both only through Redis, since a
     * degraded read (Redis down) is neither.
     */
    private static boolean writesAndReads(CacheAside cache, String key) {
        byte[] value = key.getBytes(StandardCharsets.UTF_8);
        CachePolicy policy = CachePolicy.of(Duration.ofMinutes(5));
        return cache.get("sentinel", key, ValueCodec.BYTES, policy, () -> Optional.of(value)).outcome() == CacheOutcome.MISS
                && cache.get("sentinel", key, ValueCodec.BYTES, policy, () -> Optional.of(value)).outcome()
                == CacheOutcome.HIT;
    }

    /** The services' INFO and the console both answer from the server on {@code port}, as a master. */
    private static boolean servedBy(RedisServices services, int port) {
        var info = services.stats().sample();
        ConsoleResult console = services.console().run(CommandLineParser.parse("ROLE").get(0), null);
        return String.valueOf(port).equals(info.text("tcp_port")) && "master".equals(info.text("role"))
                && console.node().endsWith(":" + port);
    }

    private static ConnectionProfile sentinelProfile(List<StackState.Redis> sentinels) {
        List<String> addresses = sentinels.stream().map(s -> s.host() + ":" + s.port()).toList();
        return new ConnectionProfile("sentinel-drill", "Sentinel drill", "#1a7f37", false,
                new ConnectionProfile.Cassandra(List.of("127.0.0.1:1"), "datacenter1", null, null, null),
                new ConnectionProfile.Redis(null, 0, List.of(), null, 0, null, addresses,
                        RedisSentinelGroup.MASTER_NAME),
                new ConnectionProfile.Kafka("127.0.0.1:1", null, null, null));
    }

    private static StackState.Redis endpoint(int preferred, List<Integer> reserved) {
        int port = PortAllocator.choose(preferred, List.of(LOOPBACK));
        reserved.add(port);
        return new StackState.Redis(LOOPBACK, port, false, null, null, null);
    }

    private static void assertOwnerOnly(Path file) throws IOException {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                "a sentinel's configuration, rewritten by the sentinel itself");
        assertTrue(Files.readString(file).contains("sentinel known-replica"), "the sentinel rewrote its configuration");
    }

    /** The redis-server process itself, not the shell wrapper's other child ({@code cat} on its stdin). */
    private static long redisServerPid(RedisServer server) {
        ProcessHandle child = ProcessHandle.of(server.pid()).orElseThrow();
        return child.parent().flatMap(wrapper -> wrapper.children()
                        .filter(c -> c.info().command().map(command -> command.contains("redis-server")).orElse(false))
                        .findFirst())
                .orElse(child).pid();
    }

    private static void signal(String signal, Long pid) throws IOException, InterruptedException {
        if (pid != null) {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        }
    }
}
