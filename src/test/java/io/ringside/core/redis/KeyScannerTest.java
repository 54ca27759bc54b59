package io.ringside.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.RingsideException;
import io.ringside.core.connect.Backends;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisClusterException;

/** The key browser's scanner against the test stack's Redis: exactly the keys created, filters, escaping. */
@ExtendWith(SharedStack.class)
class KeyScannerTest {

    private static List<KeyInfo> list(TestStack stack, ScanRequest request) {
        List<KeyInfo> keys = Collections.synchronizedList(new ArrayList<>());
        try (Backends backends = stack.backends()) {
            new KeyScanner(backends.redis()).scan(request, (page, progress) -> keys.addAll(page));
        }
        return keys;
    }

    private static Set<String> names(List<KeyInfo> keys) {
        return keys.stream().map(k -> RedisKeyFixture.text(k.key())).collect(Collectors.toSet());
    }

    @Test
    void scanningASeededKeyspaceFindsExactlyTheKeysCreatedWithTypeTtlAndSize(TestStack stack) {
        try (RedisKeyFixture fixture = new RedisKeyFixture(stack.redis())) {
            List<String> created = fixture.seed(2_500);
            List<KeyInfo> listed = list(stack, ScanRequest.of(fixture.prefix + "*", null, 0));
            assertEquals(created.size(), listed.size(), "no key twice, none missing");
            assertEquals(new HashSet<>(created), names(listed));
            for (KeyInfo key : listed) {
                String name = RedisKeyFixture.text(key.key());
                int i = Integer.parseInt(name.substring(name.lastIndexOf(':') + 1));
                assertEquals(RedisKeyFixture.TYPES[i % RedisKeyFixture.TYPES.length], key.type(), name);
                if (i % 3 == 0) {
                    assertTrue(key.ttlMs() > 3_000_000 && key.ttlMs() <= 3_600_000, name + " ttl " + key.ttlMs());
                } else {
                    assertEquals(-1, key.ttlMs(), name);
                }
                assertTrue(key.bytes() > 0, name + " size " + key.bytes());
            }
        }
    }

    @Test
    void theBrowsersListingCarriesTypeAndTtlAndSizesAreAskedForSeparately(TestStack stack) {
        try (RedisKeyFixture fixture = new RedisKeyFixture(stack.redis()); Backends backends = stack.backends()) {
            List<String> created = fixture.seed(1_200);
            KeyScanner scanner = new KeyScanner(backends.redis());
            List<KeyInfo> full = Collections.synchronizedList(new ArrayList<>());
            scanner.scan(ScanRequest.of(fixture.prefix + "*", null, 0), (page, p) -> full.addAll(page));
            List<KeyInfo> listed = Collections.synchronizedList(new ArrayList<>());
            scanner.start(ScanRequest.of(fixture.prefix + "*", null, 0), KeyDetail.TYPE_TTL,
                    (page, p) -> listed.addAll(page)).await();

            assertEquals(new HashSet<>(created), names(listed));
            java.util.Map<String, KeyInfo> withSizes = full.stream()
                    .collect(Collectors.toMap(k -> RedisKeyFixture.text(k.key()), k -> k));
            for (KeyInfo key : listed) {
                KeyInfo same = withSizes.get(RedisKeyFixture.text(key.key()));
                assertEquals(same.type(), key.type());
                assertEquals(same.ttlMs() < 0, key.ttlMs() < 0);
                assertEquals(KeyInfo.SIZE_NOT_FETCHED, key.bytes());
            }
            List<KeyInfo> shown = listed.subList(0, 30);
            byte[] gone = fixture.key("gone").getBytes(StandardCharsets.UTF_8);
            List<byte[]> asked = new ArrayList<>(shown.stream().map(KeyInfo::key).toList());
            asked.add(gone);
            long[] sizes = scanner.sizes(asked);
            for (int i = 0; i < shown.size(); i++) {
                assertEquals(withSizes.get(RedisKeyFixture.text(shown.get(i).key())).bytes(), sizes[i]);
            }
            assertEquals(-1, sizes[shown.size()], "a key that is gone");
        }
    }

    @Test
    void typeAndPatternFiltersListOnlyWhatMatches(TestStack stack) {
        try (RedisKeyFixture fixture = new RedisKeyFixture(stack.redis())) {
            List<String> created = fixture.seed(500);
            Set<String> hashes = created.stream().filter(k -> k.startsWith(fixture.prefix + "hash:"))
                    .collect(Collectors.toSet());
            assertEquals(hashes, names(list(stack, ScanRequest.of(fixture.prefix + "*", "hash", 0))));
            assertEquals(hashes, names(list(stack, ScanRequest.of(fixture.prefix + "hash:*", null, 0))));
            assertEquals(Set.of(), names(list(stack, ScanRequest.of(fixture.prefix + "hash:*", "zset", 0))));
            Set<String> tens = created.stream().filter(k -> k.matches(".*:1[0-9]")).collect(Collectors.toSet());
            assertEquals(tens, names(list(stack, ScanRequest.of(fixture.prefix + "*:1[0-9]", null, 0))));
        }
    }

    @Test
    void anExactKeyIsLookedUpDirectly(TestStack stack) {
        try (RedisKeyFixture fixture = new RedisKeyFixture(stack.redis()); Backends backends = stack.backends()) {
            List<String> created = fixture.seed(20);
            List<KeyInfo> found = new ArrayList<>();
            ScanProgress progress = new KeyScanner(backends.redis())
                    .scan(ScanRequest.of(created.get(7), null, 0), (page, p) -> found.addAll(page));
            assertEquals(List.of(created.get(7)), found.stream().map(k -> RedisKeyFixture.text(k.key())).toList());
            assertEquals(1, progress.examined(), "one lookup, no scan");
            assertTrue(list(stack, ScanRequest.of(fixture.key("missing"), null, 0)).isEmpty());
            assertTrue(list(stack, ScanRequest.of(created.get(7), "zset", 0)).isEmpty(), created.get(7) + " is a list");
        }
    }

    @Test
    void binaryKeysAreListedByTheirBytesAndShownEscaped(TestStack stack) {
        try (RedisKeyFixture fixture = new RedisKeyFixture(stack.redis()); Jedis redis = stack.redis()) {
            byte[] prefix = fixture.prefix.getBytes(StandardCharsets.US_ASCII);
            byte[] key = new byte[prefix.length + 5];
            System.arraycopy(prefix, 0, key, 0, prefix.length);
            System.arraycopy(new byte[] {0, '\t', '\n', (byte) 0xe9, 'x'}, 0, key, prefix.length, 5);
            redis.set(key, new byte[] {1, 2, 3});
            List<KeyInfo> listed = list(stack, ScanRequest.of(fixture.prefix + "*", null, 0));
            assertEquals(1, listed.size());
            assertEquals(fixture.prefix + "\\x00\\t\\n\\xe9x", listed.get(0).displayKey());
            assertEquals(fixture.prefix + "\\x00\\t\\n\\xe9x\tstring\t-1\t" + listed.get(0).bytes(), listed.get(0).tsv());
            assertEquals(1, listed.get(0).tsv().chars().filter(c -> c == '\n').count() + 1, "one line");
            redis.del(key);
        }
    }

    @Test
    void theLimitStopsTheListing(TestStack stack) {
        try (RedisKeyFixture fixture = new RedisKeyFixture(stack.redis())) {
            fixture.seed(3_000);
            assertEquals(1_234, list(stack, ScanRequest.of(fixture.prefix + "*", null, 1_234)).size());
        }
    }

    @Test
    void pauseHoldsTheScanResumeFinishesItAndStopEndsIt(TestStack stack) throws InterruptedException {
        try (RedisKeyFixture fixture = new RedisKeyFixture(stack.redis()); Backends backends = stack.backends()) {
            List<String> created = fixture.seed(5_000);
            ScanRequest request = new ScanRequest(fixture.prefix + "*", null, 0, 100);
            List<KeyInfo> listed = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger pages = new AtomicInteger();
            KeyScan[] handle = new KeyScan[1];
            Object started = new Object();
            synchronized (started) {
                handle[0] = new KeyScanner(backends.redis()).start(request, (page, p) -> {
                    synchronized (started) {
                        listed.addAll(page);
                        if (pages.incrementAndGet() == 1) {
                            handle[0].pause();
                        }
                    }
                });
            }
            KeyScan scan = handle[0];
            assertFalse(scan.await(Duration.ofMillis(1_500)), "a paused scan does not finish");
            int whilePaused = listed.size();
            assertTrue(whilePaused < created.size(), "paused after " + whilePaused + " keys");
            assertFalse(scan.progress().done());
            scan.resume();
            ScanProgress finished = scan.await();
            assertEquals(new HashSet<>(created), names(listed));
            assertTrue(finished.done());
            assertTrue(finished.examined() >= created.size() && finished.examined() <= finished.dbSize(), finished.toString());

            List<KeyInfo> partial = Collections.synchronizedList(new ArrayList<>());
            KeyScan[] second = new KeyScan[1];
            synchronized (started) {
                second[0] = new KeyScanner(backends.redis()).start(request, (page, p) -> {
                    synchronized (started) {
                        partial.addAll(page);
                        second[0].stop();
                    }
                });
            }
            ScanProgress stopped = second[0].await();
            assertTrue(stopped.done());
            assertTrue(partial.size() < created.size(), "stopped after " + partial.size() + " keys");
        }
    }

    /**
     * In the second after a failover a cluster node that has not yet learnt of the promotion
     * answers CLUSTERDOWN: the page is asked again and the listing goes on; a node still down
     * after the retry's deadline fails the listing with its refusal.
     */
    @Test
    void aPageRefusedWithClusterDownIsAskedAgainAndOnlyALastingRefusalFailsTheListing(TestStack stack) {
        try (RedisKeyFixture fixture = new RedisKeyFixture(stack.redis()); Backends backends = stack.backends()) {
            List<String> created = fixture.seed(300);
            ScanRequest request = ScanRequest.of(fixture.prefix + "*", null, 0);
            AtomicInteger refusals = new AtomicInteger(2);
            KeyScanner.Describer learning = (node, keys, sizes) -> {
                if (refusals.getAndDecrement() > 0) {
                    throw new JedisClusterException("CLUSTERDOWN The cluster is down");
                }
                return KeyScanner.describePipelined(node, keys, sizes);
            };
            List<KeyInfo> listed = Collections.synchronizedList(new ArrayList<>());
            KeyScan scan = new KeyScan(List.of(backends.redis()), learning, request, (page, p) -> listed.addAll(page),
                    KeyDetail.TYPE_TTL, s -> { });
            scan.start();
            scan.await();
            assertEquals(new HashSet<>(created), names(listed));

            KeyScanner.Describer down = (node, keys, sizes) -> {
                throw new JedisClusterException("CLUSTERDOWN The cluster is down");
            };
            KeyScan failing = new KeyScan(List.of(backends.redis()), down, request, (page, p) -> { },
                    KeyDetail.TYPE_TTL, s -> { }, new ClusterDownRetry(Duration.ofMillis(300), System::nanoTime,
                    Thread::sleep));
            failing.start();
            RingsideException failed = assertThrows(RingsideException.class, failing::await);
            assertTrue(failed.getMessage().startsWith("Redis server still refuses after 300 ms of retries")
                    && failed.getMessage().contains("CLUSTERDOWN"), failed.getMessage());
        }
    }
}
