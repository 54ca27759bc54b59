package io.ringside.core.data.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.ringside.core.connect.Backends;
import io.ringside.core.data.storage.Keyspaces;
import io.ringside.testing.Await;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/** The cache-aside against the shared stack's real Redis and Cassandra. */
@ExtendWith(SharedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CacheAsideTest {

    private static final ValueCodec<String> TEXT = TextCodec.UTF8;

    private Backends backends;
    private CqlSession cql;
    private PreparedStatement select;
    private CacheAside cache;
    private final AtomicInteger cassandraReads = new AtomicInteger();

    @BeforeAll
    void schema(TestStack stack) {
        backends = stack.backends();
        cql = backends.cql();
        Keyspaces.ensure(cql, "cachetest");
        Keyspaces.ddl(cql, "CREATE TABLE IF NOT EXISTS cachetest.rows (k text PRIMARY KEY, v blob)");
        select = cql.prepare("SELECT v FROM cachetest.rows WHERE k = ?");
        cache = new CacheAside(backends.redis(), new CacheMetrics(), FreshPending.folder());
    }

    @AfterAll
    void close() {
        backends.close();
    }

    private String row(String value) {
        String k = "row-" + UUID.randomUUID();
        cql.execute("INSERT INTO cachetest.rows (k, v) VALUES (?, ?)", k,
                ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)));
        return k;
    }

    /** A real Cassandra read, counted. */
    private Supplier<Optional<String>> loader(String k) {
        return () -> {
            cassandraReads.incrementAndGet();
            Row row = cql.execute(select.bind(k)).one();
            return row == null ? Optional.empty()
                    : Optional.of(StandardCharsets.UTF_8.decode(row.getByteBuffer("v")).toString());
        };
    }

    @Test
    void aMissLoadsFromCassandraAndTheNextReadIsAHitWithTheSameValue() {
        String k = row("Hyderabad US Consulate, India (हैदराबाद अमेरिकी वाणिज्य दूतावास)");
        int before = cassandraReads.get();
        CacheRead<String> first = cache.get("test", "cachetest:" + k, TEXT, CachePolicy.of(Duration.ofMinutes(1)), loader(k));
        CacheRead<String> second = cache.get("test", "cachetest:" + k, TEXT, CachePolicy.of(Duration.ofMinutes(1)), loader(k));
        assertEquals(CacheOutcome.MISS, first.outcome());
        assertEquals(CacheOutcome.HIT, second.outcome());
        assertEquals(first.value(), second.value());
        assertEquals("Hyderabad US Consulate, India (हैदराबाद अमेरिकी वाणिज्य दूतावास)", second.value().orElseThrow());
        assertEquals(before + 1, cassandraReads.get());
    }

    @Test
    void fiftyConcurrentReadersOfAnExpiredKeyCauseOneCassandraRead() throws Exception {
        String k = row("popular");
        String key = "cachetest:" + k;
        backends.redis().psetex(key, 1, "\u0001stale");
        Await.until("the key to expire", Duration.ofSeconds(5), () -> !backends.redis().exists(key));
        AtomicInteger reads = new AtomicInteger();
        Supplier<Optional<String>> slowLoader = () -> {
            reads.incrementAndGet();
            Optional<String> value = loader(k).get();
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // a slow query
            return value;
        };
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<CacheRead<String>>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            results.add(pool.submit(() -> {
                gate.await();
                return cache.get("test", key, TEXT, CachePolicy.of(Duration.ofMinutes(1)), slowLoader);
            }));
        }
        gate.countDown();
        Set<String> values = new HashSet<>();
        for (Future<CacheRead<String>> result : results) {
            values.add(result.get(30, TimeUnit.SECONDS).value().orElseThrow());
        }
        pool.shutdown();
        assertEquals(1, reads.get(), "Cassandra reads for one expired key");
        assertEquals(Set.of("popular"), values);
    }

    /**
     * Issue 16 item 6: 50 readers on connections of their own (as 50 processes would be) and a
     * holder that keeps its core (here: its reader) for six times its lease. The holder must keep
     * its lease and the waiters must wait for it instead of all falling through to Cassandra.
     */
    @Test
    void fiftyReadersWithConnectionsOfTheirOwnAndASlowHolderCauseAtMostTwoSourceReads() throws Exception {
        String k = row("contended");
        String key = "cachetest:" + k;
        CachePolicy policy = CachePolicy.of(Duration.ofMinutes(1)).withLease(Duration.ofMillis(100));
        AtomicInteger reads = new AtomicInteger();
        Supplier<Optional<String>> descheduledHolder = () -> {
            reads.incrementAndGet();
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(600).toNanos()); // waits for a core
            return loader(k).get();
        };
        assertEquals(Set.of("contended"), readConcurrently(50, key, policy, descheduledHolder));
        assertTrue(reads.get() <= 2, "source reads for 50 cold readers: " + reads.get());
    }

    /** A lease whose holder died (or lost its core for good) is taken over by one waiter, not by all. */
    @Test
    void aLeaseLeftByAHolderThatNeverReturnsIsTakenOverByOneWaiter() throws Exception {
        String k = row("orphaned");
        String key = "cachetest:" + k;
        CachePolicy policy = CachePolicy.of(Duration.ofMinutes(1)).withLease(Duration.ofMillis(100));
        backends.redis().psetex("ringside:lease:" + key, 100, "a holder that is gone");
        AtomicInteger reads = new AtomicInteger();
        Supplier<Optional<String>> counted = () -> {
            reads.incrementAndGet();
            return loader(k).get();
        };
        assertEquals(Set.of("orphaned"), readConcurrently(50, key, policy, counted));
        assertTrue(reads.get() <= 2, "source reads for 50 cold readers: " + reads.get());
    }

    /** Reads {@code key} from {@code readers} threads at once, each with a Redis connection and cache of its own. */
    private Set<String> readConcurrently(int readers, String key, CachePolicy policy, Supplier<Optional<String>> loader)
            throws Exception {
        List<JedisPooled> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<CacheRead<String>>> results = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                JedisPooled own = new JedisPooled(new HostAndPort(backends.endpoints().redisHost(),
                        backends.endpoints().redisPort()), backends.redisClientConfig());
                clients.add(own);
                CacheAside process = new CacheAside(own, new CacheMetrics(), FreshPending.folder());
                results.add(pool.submit(() -> {
                    gate.await();
                    return process.get("test", key, TEXT, policy, loader);
                }));
            }
            gate.countDown();
            Set<String> values = new HashSet<>();
            for (Future<CacheRead<String>> result : results) {
                values.add(result.get(60, TimeUnit.SECONDS).value().orElseThrow());
            }
            return values;
        } finally {
            pool.shutdownNow();
            clients.forEach(JedisPooled::close);
        }
    }

    @Test
    void absentRowsAreCachedAsShortLivedNegativeEntries() {
        String k = "missing-" + UUID.randomUUID();
        String key = "cachetest:" + k;
        CachePolicy policy = CachePolicy.of(Duration.ofMinutes(10));
        int before = cassandraReads.get();
        assertEquals(CacheOutcome.MISS, cache.get("test", key, TEXT, policy, loader(k)).outcome());
        CacheRead<String> again = cache.get("test", key, TEXT, policy, loader(k));
        assertEquals(CacheOutcome.NEGATIVE_HIT, again.outcome());
        assertTrue(again.value().isEmpty());
        assertEquals(before + 1, cassandraReads.get());
        long pttl = backends.redis().pttl(key);
        assertTrue(pttl > 0 && pttl <= policy.negativeTtl().toMillis() * 1.1, "negative TTL " + pttl);
    }

    @Test
    void ttlsCarryJitterWithinTenPercent() {
        CachePolicy policy = CachePolicy.of(Duration.ofSeconds(100));
        Set<Long> ttls = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            String key = "cachetest:jitter-" + UUID.randomUUID();
            cache.get("test", key, TEXT, policy, () -> Optional.of("v"));
            long pttl = backends.redis().pttl(key);
            // the upper bound is the jitter's; the lower one leaves room for a stalled test thread
            assertTrue(pttl >= 80_000 && pttl <= 110_000, "pttl " + pttl);
            ttls.add(pttl / 1000);
        }
        assertTrue(ttls.size() > 5, "TTLs should spread, got " + ttls);
    }

    @Test
    void invalidationDeletesTheKeySoTheNextReadLoadsAgain() {
        String k = row("v1");
        String key = "cachetest:" + k;
        CachePolicy policy = CachePolicy.of(Duration.ofMinutes(5));
        cache.get("test", key, TEXT, policy, loader(k));
        cql.execute("INSERT INTO cachetest.rows (k, v) VALUES (?, ?)", k, ByteBuffer.wrap("v2".getBytes(StandardCharsets.UTF_8)));
        cache.invalidate("test", List.of(key));
        CacheRead<String> after = cache.get("test", key, TEXT, policy, loader(k));
        assertEquals(CacheOutcome.MISS, after.outcome());
        assertEquals("v2", after.value().orElseThrow());
    }

    @Test
    void aValueThatCannotBeDecodedIsReloadedNotAnError() {
        String k = row("fresh");
        String key = "cachetest:" + k;
        ValueCodec<String> strict = new ValueCodec<>() {
            @Override
            public byte[] encode(String value) {
                return ("v2:" + value).getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public String decode(byte[] bytes, int offset, int length) {
                String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
                if (!text.startsWith("v2:")) {
                    throw new IllegalArgumentException("unknown encoding");
                }
                return text.substring(3);
            }
        };
        backends.redis().set(key.getBytes(StandardCharsets.UTF_8), "\u0001v1:old".getBytes(StandardCharsets.UTF_8));
        CacheRead<String> read = cache.get("test", key, strict, CachePolicy.of(Duration.ofMinutes(1)), loader(k));
        assertEquals(CacheOutcome.MISS, read.outcome());
        assertEquals("fresh", read.value().orElseThrow());
        assertEquals(CacheOutcome.HIT, cache.get("test", key, strict, CachePolicy.of(Duration.ofMinutes(1)), loader(k)).outcome());
    }

    @Test
    void metricsCountHitsAndMissesPerNamespace() {
        CacheAside counted = new CacheAside(backends.redis(), new CacheMetrics(), FreshPending.folder());
        String key = "cachetest:metrics-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            counted.get("alpha", key, TEXT, CachePolicy.of(Duration.ofMinutes(1)), () -> Optional.of("x"));
        }
        counted.bypass("alpha", () -> Optional.of("x"));
        CacheMetrics.Totals totals = counted.metrics().totals("alpha");
        assertEquals(4, totals.hits());
        assertEquals(1, totals.misses());
        assertEquals(0.8, totals.hitRatio(), 1e-9);
        List<CacheMetrics.Interval> interval = counted.metrics().drainInterval();
        assertEquals(1, interval.size());
        assertEquals(4, interval.get(0).hits());
        assertTrue(counted.metrics().drainInterval().isEmpty(), "a second drain has no new activity");
    }
}
