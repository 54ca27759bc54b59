package io.ringside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringside.core.Json;
import io.ringside.core.connect.ProfileStore;
import io.ringside.core.connect.Profiles;
import io.ringside.core.data.DataServices;
import io.ringside.core.data.pm25.DailyPm25;
import io.ringside.core.data.pm25.Pm25Cache;
import io.ringside.core.data.pm25.Pm25Store;
import io.ringside.testing.AuditEvents;
import io.ringside.testing.CliRun;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * {@code cache check} against the shared stack: cached PM2.5 years whose rows changed or went away
 * behind the cache's back are reported stale (with the day) or orphaned, the exit code says so, and
 * {@code --evict-stale --yes} evicts exactly the stale key, audited, and not under a read-only profile.
 * Keys read as the console shows them ({@code pm25 · <location> · <year>}), raw with {@code --raw-keys}
 * and in JSON beside the readable name.
 */
@ExtendWith(SharedStack.class)
class CacheCheckCliTest {

    private static final LocalDate DAY = LocalDate.of(2023, 3, 14);

    @Test
    void staleAndOrphanedYearsAreFoundAndOnlyTheStaleOneIsEvicted(TestStack stack) throws Exception {
        String run = "coh-" + UUID.randomUUID().toString().substring(0, 8);
        // a name as the PM2.5 sample's: a comma, brackets and Devanagari, all URL-encoded in the key
        String changed = run + " changed, a:b (हैदराबाद)";
        String deleted = run + " deleted";
        String kept = run + " kept";
        try (DataServices services = new DataServices(stack.backends(), stack.dataFolder()); Jedis redis = stack.redis()) {
            Pm25Store store = services.pm25Store();
            for (String location : List.of(changed, deleted, kept)) {
                store.writeDays(List.of(day(location, DAY, 10), day(location, DAY.plusDays(1), 11)));
                services.pm25Cache().year(location, DAY.getYear());
            }
            // behind the cache's back: no invalidation
            store.writeDays(List.of(day(changed, DAY.plusDays(1), 99)));
            store.deleteDaily(deleted);

            CliRun check = CliRun.in(stack.dataFolder(), "cache", "check", "--namespace", "pm25", "--json");
            assertEquals(1, check.exitCode(), "a stale key exits 1: " + check.err());
            JsonNode report = Json.mapper().readTree(check.out());
            JsonNode stale = key(report, changed);
            assertEquals("stale", stale.path("state").asText(), stale.toString());
            assertEquals("pm25 · " + changed + " · " + DAY.getYear(), stale.path("readable").asText(), stale.toString());
            assertEquals(List.of(DAY.plusDays(1).toString()), strings(stale.path("differs")));
            assertTrue(stale.path("ttl_ms").asLong() > 0, stale.toString());
            assertEquals("orphaned", key(report, deleted).path("state").asText());
            assertEquals("fresh", key(report, kept).path("state").asText());

            String readOnly = "ro-check-" + UUID.randomUUID().toString().substring(0, 8);
            new ProfileStore(stack.dataFolder()).save(Profiles.of(readOnly, stack.state(), true));
            try {
                CliRun refused = CliRun.in(stack.dataFolder(), "--profile", readOnly, "cache", "check", "--namespace",
                        "pm25", "--evict-stale", "--yes");
                assertEquals(1, refused.exitCode(), refused.err());
                assertTrue(refused.err().contains("read-only"), refused.err());
                assertTrue(redis.exists(cacheKey(changed)), "a read-only profile evicts nothing");
                JsonNode refusal = AuditEvents.await(stack, e -> "cache.evict".equals(e.path("action").asText())
                        && readOnly.equals(e.path("profile").asText()));
                assertTrue(refusal.path("outcome").asText().startsWith("refused"), refusal.toString());
            } finally {
                new ProfileStore(stack.dataFolder()).delete(readOnly);
            }

            CliRun preview = CliRun.in(stack.dataFolder(), "cache", "check", "--namespace", "pm25", "--evict-stale");
            assertEquals(2, preview.exitCode(), "--evict-stale without --yes only says what it would evict");
            assertTrue(redis.exists(cacheKey(changed)));
            // the key as the console shows it, not URL-encoded
            assertTrue(preview.out().lines().anyMatch(l -> l.startsWith("stale")
                    && l.endsWith("pm25 · " + changed + " · " + DAY.getYear())
                    && l.contains("1 day differs: " + DAY.plusDays(1))), "the table: " + preview.out());
            assertFalse(preview.out().contains(cacheKey(changed)), "no raw key without --raw-keys: " + preview.out());
            assertTrue(preview.err().contains(" stale, ") && preview.err().contains("add --yes"), preview.err());

            CliRun evict = CliRun.in(stack.dataFolder(), "cache", "check", "--namespace", "pm25", "--evict-stale", "--yes",
                    "--raw-keys");
            assertEquals(1, evict.exitCode(), "the check found a stale key: " + evict.err());
            assertTrue(evict.out().lines().anyMatch(l -> l.startsWith("stale") && l.endsWith(cacheKey(changed))),
                    "--raw-keys: the key as 'keys' prints it: " + evict.out());
            assertTrue(evict.out().contains("evicted "), evict.out());
            assertFalse(redis.exists(cacheKey(changed)), "the stale key is evicted");
            assertTrue(redis.exists(cacheKey(deleted)), "an orphaned key is only reported");
            assertTrue(redis.exists(cacheKey(kept)), "a fresh key stays");
            JsonNode audited = AuditEvents.await(stack, e -> "cache.evict".equals(e.path("action").asText())
                    && "ok".equals(e.path("outcome").asText()) && e.path("target").asText().contains(run + "+changed"));
            assertTrue(audited.path("count").asLong() >= 1, audited.toString());
            redis.del(cacheKey(deleted), cacheKey(kept));
        }
    }

    private static DailyPm25 day(String location, LocalDate date, double avg) {
        return new DailyPm25(location, date, avg, avg - 1, avg + 1, 24);
    }

    private static String cacheKey(String location) {
        return Pm25Cache.key(location, DAY.getYear());
    }

    private static JsonNode key(JsonNode report, String location) {
        for (JsonNode key : report.path("keys")) {
            if (cacheKey(location).equals(key.path("key").asText())) {
                return key;
            }
        }
        throw new AssertionError("no row for " + cacheKey(location) + " in " + report);
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
