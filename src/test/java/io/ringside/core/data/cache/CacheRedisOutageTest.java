package io.ringside.core.data.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.Backends;
import io.ringside.core.data.pm25.Pm25Cache;
import io.ringside.core.data.pm25.Pm25ImportOptions;
import io.ringside.core.data.pm25.Pm25ImportResult;
import io.ringside.core.data.pm25.Pm25Importer;
import io.ringside.core.data.pm25.Pm25Source;
import io.ringside.core.data.pm25.Pm25Store;
import io.ringside.core.data.pm25.Pm25Trend;
import io.ringside.core.stack.PortAllocator;
import io.ringside.testing.Await;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestPorts;
import io.ringside.testing.TestStack;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * Redis going away and coming back, on a Redis process of this test's own (the shared stack's
 * binary on another port), so the drill does not disturb other tests.
 */
@ExtendWith(SharedStack.class)
class CacheRedisOutageTest {

    private static final ValueCodec<String> TEXT = TextCodec.UTF8;

    @Test
    void readsFallBackToTheStoreWhileRedisIsDownAndUseRedisAgainWhenItReturns(TestStack stack) throws Exception {
        String binary = stack.state().redis().binary();
        int port = PortAllocator.choose(TestPorts.CACHE_REDIS_OUTAGE.ports().redisPort(), List.of("127.0.0.1"));
        Process redis = startRedis(binary, port);
        try (JedisPooled client = client(port)) {
            Await.until("own redis to answer", Duration.ofSeconds(10), () -> ping(client));
            CacheAside cache = new CacheAside(client, new CacheMetrics(), FreshPending.folder());
            AtomicInteger storeReads = new AtomicInteger();
            CachePolicy policy = CachePolicy.of(Duration.ofMinutes(1));
            java.util.function.Supplier<Optional<String>> store = () -> {
                storeReads.incrementAndGet();
                return Optional.of("from cassandra");
            };
            assertEquals(CacheOutcome.MISS, cache.get("outage", "k", TEXT, policy, store).outcome());
            assertEquals(CacheOutcome.HIT, cache.get("outage", "k", TEXT, policy, store).outcome());

            stop(redis);
            CacheRead<String> during = cache.get("outage", "k", TEXT, policy, store);
            assertEquals(CacheOutcome.DEGRADED, during.outcome());
            assertEquals("from cassandra", during.value().orElseThrow());
            assertTrue(cache.redisDown());
            cache.invalidate("outage", List.of("k"));

            redis = startRedis(binary, port);
            Await.until("reads to use Redis again", Duration.ofSeconds(20),
                    () -> cache.get("outage", "k", TEXT, policy, store).outcome() != CacheOutcome.DEGRADED);
            assertEquals(CacheOutcome.HIT, cache.get("outage", "k", TEXT, policy, store).outcome());
            assertTrue(cache.metrics().totals("outage").errors() >= 1);
        } finally {
            stop(redis);
            PortAllocator.release(port);
        }
    }

    /**
     * Issue 16 item 3: an import while Redis is paused (SIGSTOP, so connections hang rather than
     * fail) cannot delete its cached years; they must survive the importing process and be deleted
     * before the next process reads, or the old values are served as hits for the whole TTL.
     */
    @Test
    void invalidationsAPausedRedisDidNotTakeAreKeptOnDiskAndDeletedBeforeTheNextRead(TestStack stack, @TempDir Path data)
            throws Exception {
        String binary = stack.state().redis().binary();
        int port = PortAllocator.choose(TestPorts.CACHE_REDIS_OUTAGE.ports().redisPort(), List.of("127.0.0.1"));
        Process redis = startRedis(binary, port);
        String location = "paused-redis-" + UUID.randomUUID();
        PendingInvalidations pending = PendingInvalidations.in(data, "127.0.0.1", port);
        try (Backends backends = stack.backends(); JedisPooled reading = client(port)) {
            Await.until("own redis to answer", Duration.ofSeconds(10), () -> ping(reading));
            Pm25Store store = new Pm25Store(backends.cql());
            store.ensureSchema();
            Pm25Cache reader = new Pm25Cache(new CacheAside(reading, new CacheMetrics(), pending), store::readYear);
            new Pm25Importer(store, reader::invalidate).run(List.of(daily(data, "v1.csv", location, 10)),
                    Pm25ImportOptions.defaults(), p -> { });
            assertEquals(10.0, trend(reader, location).days().get(0).avg());
            assertEquals(CacheOutcome.HIT, trend(reader, location).outcome());

            signal("STOP", redis);
            Pm25ImportResult imported;
            try (JedisPooled importing = client(port)) {
                // the importing process: a connection and a cache of its own, gone when it ends
                Pm25Cache importCache = new Pm25Cache(new CacheAside(importing, new CacheMetrics(), pending),
                        store::readYear);
                imported = new Pm25Importer(store, importCache::invalidate).run(
                        List.of(daily(data, "v2.csv", location, 20)), Pm25ImportOptions.defaults(), p -> { });
            } finally {
                signal("CONT", redis);
            }
            boolean pendingOnDisk = pending.any(Pm25Cache.NAMESPACE);

            try (JedisPooled next = client(port)) {
                Pm25Cache nextProcess = new Pm25Cache(new CacheAside(next, new CacheMetrics(), pending), store::readYear);
                Pm25Trend after = trend(nextProcess, location);
                assertEquals(20.0, after.days().get(0).avg(), "the imported value, not the stale cached one");
                assertEquals(CacheOutcome.MISS, after.outcome());
            }
            assertTrue(pendingOnDisk, "pending invalidations were on disk");
            assertTrue(imported.warnings().stream().anyMatch(w -> w.contains(location) && w.contains("pending")),
                    "the import says its invalidations are pending: " + imported.warnings());
            assertFalse(pending.any(Pm25Cache.NAMESPACE), "replayed pending invalidations are forgotten");
        } finally {
            signal("CONT", redis);
            stop(redis);
            PortAllocator.release(port);
        }
    }

    private static Pm25Trend trend(Pm25Cache cache, String location) {
        return cache.trend(location, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 1), false);
    }

    private static Pm25Source daily(Path folder, String name, String location, double avg) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, "date,location,avg_pm25,min_pm25,max_pm25\n2024-03-01," + location + "," + avg + ","
                + (avg - 5) + "," + (avg + 5) + "\n");
        return Pm25Source.of(file);
    }

    private static JedisPooled client(int port) {
        return new JedisPooled(new HostAndPort("127.0.0.1", port),
                DefaultJedisClientConfig.builder().connectionTimeoutMillis(500).socketTimeoutMillis(500).build());
    }

    private static void signal(String signal, Process process) throws IOException, InterruptedException {
        if (process.isAlive()) {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        }
    }

    private static boolean ping(JedisPooled client) {
        try {
            return "PONG".equals(client.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Process startRedis(String binary, int port) throws IOException {
        return new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(new File("/dev/null")).start();
    }

    private static void stop(Process redis) throws InterruptedException {
        redis.destroy();
        redis.waitFor();
    }
}
