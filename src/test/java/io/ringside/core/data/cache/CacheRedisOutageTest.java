package io.ringside.core.data.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.stack.PortAllocator;
import io.ringside.testing.Await;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestPorts;
import io.ringside.testing.TestStack;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
        try (JedisPooled client = new JedisPooled(new HostAndPort("127.0.0.1", port),
                DefaultJedisClientConfig.builder().connectionTimeoutMillis(500).socketTimeoutMillis(500).build())) {
            Await.until("own redis to answer", Duration.ofSeconds(10), () -> ping(client));
            CacheAside cache = new CacheAside(client, new CacheMetrics());
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
            cache.invalidate(List.of("k"));

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
