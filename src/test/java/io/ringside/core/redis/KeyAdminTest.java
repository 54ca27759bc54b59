package io.ringside.core.redis;

import io.ringside.core.connect.ReadOnlyProfileException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringside.core.connect.Backends;
import io.ringside.core.kafka.AuditLog;
import io.ringside.testing.AuditEvents;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** Evict and TTL admin against the test stack's Redis, with the audit trail read back from Kafka. */
@ExtendWith(SharedStack.class)
class KeyAdminTest {

    @TempDir
    Path data;

    private KeyAdmin admin(Backends backends, TestStack stack, BooleanSupplier readOnly) {
        return new KeyAdmin(backends.redis(),
                new AuditLog(data, Map.of("bootstrap.servers", stack.state().kafka().bootstrap()), "local"), readOnly);
    }

    private static List<byte[]> bytes(List<String> keys) {
        return keys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Test
    void patternEvictionRemovesExactlyTheMatchingKeysAndWritesAnAuditEvent(TestStack stack) throws Exception {
        try (RedisKeyFixture fixture = new RedisKeyFixture(stack.redis()); Backends backends = stack.backends()) {
            List<String> created = fixture.seed(3_000);
            String pattern = fixture.prefix + "hash:*";
            Set<String> doomed = created.stream().filter(k -> k.startsWith(fixture.prefix + "hash:"))
                    .collect(Collectors.toSet());
            KeyAdmin admin = admin(backends, stack, () -> false);

            EvictionPreview preview = admin.preview(pattern, 10);
            assertEquals(doomed.size(), preview.count());
            assertEquals(10, preview.sample().size());
            preview.sample().forEach(k -> assertTrue(doomed.contains(RedisKeyFixture.text(k))));

            assertThrows(IllegalArgumentException.class, () -> admin.evictByPattern(pattern, fixture.prefix + "*", p -> { }));
            assertEquals(created.size(), fixture.remaining().size(), "a wrong confirmation evicts nothing");

            EvictionProgress end = admin.evictByPattern(pattern, pattern, p -> { }).await();
            assertEquals("ok", end.outcome());
            assertEquals(doomed.size(), end.removed());
            Set<String> kept = new HashSet<>(created);
            kept.removeAll(doomed);
            assertEquals(kept, new HashSet<>(fixture.remaining()), "exactly the matching keys are gone");

            JsonNode event = AuditEvents.await(stack, e -> ("pattern " + pattern).equals(e.path("target").asText()));
            assertEquals(KeyAdmin.EVICT, event.path("action").asText());
            assertEquals(doomed.size(), event.path("count").asLong());
            assertEquals("ok", event.path("outcome").asText());
        }
    }

    @Test
    void aCancelledPatternEvictionStopsAndSaysSo(TestStack stack) throws Exception {
        try (RedisKeyFixture fixture = new RedisKeyFixture(stack.redis()); Backends backends = stack.backends()) {
            List<String> created = fixture.seed(5_000);
            String pattern = fixture.prefix + "*";
            PatternEviction[] eviction = new PatternEviction[1];
            AtomicBoolean cancelled = new AtomicBoolean();
            synchronized (eviction) {
                eviction[0] = admin(backends, stack, () -> false).evictByPattern(pattern, pattern, p -> {
                    synchronized (eviction) {
                        if (!p.done() && cancelled.compareAndSet(false, true)) {
                            eviction[0].cancel();
                        }
                    }
                });
            }
            EvictionProgress end = eviction[0].await();
            assertEquals("cancelled", end.outcome());
            assertTrue(end.removed() > 0 && end.removed() < created.size(), "removed " + end.removed());
            assertEquals(created.size() - end.removed(), fixture.remaining().size());
            JsonNode event = AuditEvents.await(stack, e -> ("pattern " + pattern).equals(e.path("target").asText()));
            assertEquals("cancelled", event.path("outcome").asText());
            assertEquals(end.removed(), event.path("count").asLong());
        }
    }

    @Test
    void ttlEditsAreVisibleToAPlainJedisClientAndMissingKeysAreReported(TestStack stack) {
        try (RedisKeyFixture fixture = new RedisKeyFixture(stack.redis()); Backends backends = stack.backends();
             Jedis plain = stack.redis()) {
            List<String> created = fixture.seed(6);
            List<String> targets = List.of(created.get(1), created.get(2), created.get(4), fixture.key("missing"));
            KeyAdmin admin = admin(backends, stack, () -> false);

            KeyActionResult set = admin.setTtl(bytes(targets), Duration.ofSeconds(120));
            assertEquals(3, set.changed());
            assertEquals(1, set.failed().size());
            assertArrayEquals(targets.get(3).getBytes(StandardCharsets.UTF_8), set.failed().get(0).key());
            for (String key : targets.subList(0, 3)) {
                long ttl = plain.pttl(key);
                assertTrue(ttl > 100_000 && ttl <= 120_000, key + " pttl " + ttl);
            }
            assertEquals(-1, plain.pttl(created.get(5)), "keys not named keep no TTL");

            KeyActionResult persisted = admin.persist(bytes(targets));
            assertEquals(3, persisted.changed());
            assertEquals(1, persisted.failed().size());
            for (String key : targets.subList(0, 3)) {
                assertEquals(-1, plain.pttl(key), key);
            }
            assertThrows(IllegalArgumentException.class, () -> admin.setTtl(bytes(targets), Duration.ZERO));
        }
    }

    @Test
    void evictingListedKeysRemovesThemAndReportsTheMissing(TestStack stack) throws Exception {
        try (RedisKeyFixture fixture = new RedisKeyFixture(stack.redis()); Backends backends = stack.backends()) {
            List<String> created = fixture.seed(4);
            List<String> targets = List.of(created.get(0), created.get(3), fixture.key("gone"));
            KeyActionResult result = admin(backends, stack, () -> false).evict(bytes(targets));
            assertEquals(2, result.changed());
            assertEquals(List.of(fixture.key("gone")), result.failed().stream()
                    .map(f -> RedisKeyFixture.text(f.key())).toList());
            assertEquals(Set.of(created.get(1), created.get(2)), new HashSet<>(fixture.remaining()));
            JsonNode event = AuditEvents.await(stack, e -> e.path("target").asText().startsWith(created.get(0)));
            assertEquals(KeyAdmin.EVICT, event.path("action").asText());
            assertEquals(2, event.path("count").asLong());
        }
    }

    @Test
    void aReadOnlyProfileRefusesEveryChangeChangesNothingAndAuditsTheRefusal(TestStack stack) throws Exception {
        try (RedisKeyFixture fixture = new RedisKeyFixture(stack.redis()); Backends backends = stack.backends();
             Jedis plain = stack.redis()) {
            List<String> created = fixture.seed(9);
            Map<String, Long> ttls = created.stream().collect(Collectors.toMap(k -> k, plain::pttl));
            String policy = plain.configGet("maxmemory-policy").get("maxmemory-policy");
            KeyAdmin admin = admin(backends, stack, () -> true);
            List<byte[]> keys = bytes(created);
            String pattern = fixture.prefix + "*";

            assertThrows(ReadOnlyProfileException.class, () -> admin.evict(keys));
            assertThrows(ReadOnlyProfileException.class, () -> admin.setTtl(keys, Duration.ofSeconds(5)));
            assertThrows(ReadOnlyProfileException.class, () -> admin.persist(keys));
            assertThrows(ReadOnlyProfileException.class, () -> admin.evictByPattern(pattern, pattern, p -> { }));
            ReadOnlyProfileException e = assertThrows(ReadOnlyProfileException.class,
                    () -> admin.setEvictionPolicy("allkeys-random"));
            assertTrue(e.getMessage().contains("read-only"), e.getMessage());

            assertEquals(new HashSet<>(created), new HashSet<>(fixture.remaining()), "nothing evicted");
            for (String key : created) {
                long before = ttls.get(key);
                long now = plain.pttl(key);
                assertTrue(before == -1 ? now == -1 : now > before - 60_000 && now <= before, key + " " + before + " " + now);
            }
            assertEquals(policy, plain.configGet("maxmemory-policy").get("maxmemory-policy"));
            JsonNode refusal = AuditEvents.await(stack, ev -> ("pattern " + pattern).equals(ev.path("target").asText()));
            assertEquals(KeyAdmin.EVICT, refusal.path("action").asText());
            assertEquals(KeyAdmin.REFUSED, refusal.path("outcome").asText());
            assertEquals(0, refusal.path("count").asLong());
        }
    }

    @Test
    void theEvictionPolicyChangesAndTheChangeIsAudited(TestStack stack) throws Exception {
        try (Backends backends = stack.backends(); Jedis plain = stack.redis()) {
            String before = plain.configGet("maxmemory-policy").get("maxmemory-policy");
            String other = "allkeys-lfu".equals(before) ? "allkeys-lru" : "allkeys-lfu";
            KeyAdmin admin = admin(backends, stack, () -> false);
            try {
                admin.setEvictionPolicy(other);
                assertEquals(other, plain.configGet("maxmemory-policy").get("maxmemory-policy"));
                assertThrows(IllegalArgumentException.class, () -> admin.setEvictionPolicy("sometimes"));
            } finally {
                admin.setEvictionPolicy(before);
            }
            JsonNode event = AuditEvents.await(stack, e -> KeyAdmin.POLICY.equals(e.path("action").asText())
                    && ("maxmemory-policy " + other).equals(e.path("target").asText()));
            assertEquals("ok", event.path("outcome").asText());
        }
    }
}
