package io.ringside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.testing.CliRun;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/** {@code keys}, {@code evict} and {@code ttl} as a script sees them: TSV, exit codes, what changed in Redis. */
@ExtendWith(SharedStack.class)
class CacheCliTest {

    private static CliRun run(TestStack stack, String... args) {
        return CliRun.in(stack.dataFolder(), args);
    }

    private static String prefix() {
        return "cli" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    @Test
    void keysPrintsTsvOfKeyTypeTtlAndSize(TestStack stack) {
        String p = prefix();
        try (Jedis redis = stack.redis()) {
            redis.set(p + "s", "v");
            redis.hset(p + "h", "f", "v");
            redis.pexpire(p + "h", 600_000);
            redis.set((p + "bin\0\t").getBytes(), "x".getBytes());

            CliRun all = run(stack, "keys", "--pattern", p + "*");
            assertEquals(0, all.exitCode(), all.err());
            Set<String> lines = new HashSet<>(Arrays.asList(all.out().split("\n")));
            assertEquals(3, lines.size(), all.out());
            assertTrue(lines.stream().anyMatch(l -> l.matches(java.util.regex.Pattern.quote(p + "s") + "\tstring\t-1\t\\d+")), all.out());
            assertTrue(lines.stream().anyMatch(l -> l.matches(java.util.regex.Pattern.quote(p + "h") + "\thash\t\\d{6}\t\\d+")), all.out());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(p + "bin\\x00\\t\tstring\t-1\t")), all.out());

            CliRun hashes = run(stack, "keys", "--pattern", p + "*", "--type", "hash");
            assertEquals(p + "h", hashes.out().split("\t")[0]);
            assertEquals(1, run(stack, "keys", "--pattern", p + "*", "--limit", "1").out().split("\n").length);
            assertEquals(5, run(stack, "keys", "--pattern", p + "nope").exitCode(), "an exact key that does not exist");
            assertEquals(2, run(stack, "keys", "--type", "blob").exitCode());
            String pm25 = io.ringside.core.data.pm25.Pm25Cache.key("Hyderabad (हैदराबाद) " + p, 2025);
            redis.set(pm25, "x");
            CliRun named = run(stack, "keys", "--pattern", pm25, "--readable");
            assertEquals(pm25 + "\tstring\t-1", named.out().substring(0, named.out().indexOf("\t-1\t") + 3), named.out());
            assertTrue(named.out().endsWith("\tpm25 · Hyderabad (हैदराबाद) " + p + " · 2025\n"), named.out());
            redis.del(pm25);
            redis.del(p + "s", p + "h");
            redis.del((p + "bin\0\t").getBytes());
        }
    }

    @Test
    void evictByPatternPreviewsWithoutYesAndEvictsWithIt(TestStack stack) {
        String p = prefix();
        try (Jedis redis = stack.redis()) {
            for (int i = 0; i < 30; i++) {
                redis.set(p + "a:" + i, "v");
            }
            redis.set(p + "b:0", "v");

            CliRun preview = run(stack, "evict", "--pattern", p + "a:*");
            assertEquals(2, preview.exitCode(), preview.err());
            assertTrue(preview.out().startsWith("30 keys match " + p + "a:*\n"), preview.out());
            assertEquals(1 + 10, preview.out().split("\n").length, "count and a sample of ten");
            assertEquals(30, redis.keys(p + "a:*").size(), "a preview evicts nothing");
            assertEquals(0, run(stack, "evict", "--pattern", p + "a:*", "--dry-run", "--yes").exitCode());
            assertEquals(30, redis.keys(p + "a:*").size(), "a dry run evicts nothing");

            CliRun evict = run(stack, "evict", "--pattern", p + "a:*", "--yes");
            assertEquals(0, evict.exitCode(), evict.err());
            assertTrue(evict.out().startsWith("evicted 30 keys matching " + p + "a:*"), evict.out());
            assertEquals(Set.of(), redis.keys(p + "a:*"));
            assertEquals(Set.of(p + "b:0"), redis.keys(p + "*"));

            CliRun named = run(stack, "evict", p + "b:0", p + "gone");
            assertEquals(5, named.exitCode(), "one key did not exist");
            assertTrue(named.out().startsWith("evicted 1 key"), named.out());
            assertTrue(named.err().contains(p + "gone: no such key"), named.err());
            assertEquals(2, run(stack, "evict").exitCode());
        }
    }

    @Test
    void ttlSetsAndPersists(TestStack stack) {
        String p = prefix();
        try (Jedis redis = stack.redis()) {
            redis.set(p + "x", "v");
            redis.set(p + "y", "v");
            CliRun set = run(stack, "ttl", p + "x", p + "y", "--set", "300");
            assertEquals(0, set.exitCode(), set.err());
            assertTrue(redis.ttl(p + "x") > 250 && redis.ttl(p + "y") <= 300);
            CliRun persist = run(stack, "ttl", p + "x", "--persist");
            assertEquals(0, persist.exitCode(), persist.err());
            assertEquals(-1, redis.ttl(p + "x"));
            assertTrue(redis.ttl(p + "y") > 0);
            assertEquals(2, run(stack, "ttl", p + "x").exitCode(), "--set or --persist is required");
            redis.del(p + "x", p + "y");
        }
    }

    @Test
    void warmDryRunSaysWhatItWouldWarmAndWarmsNothing(TestStack stack) {
        String location = "dry-" + UUID.randomUUID().toString().substring(0, 8);
        CliRun run = run(stack, "warm", "pm25", "--from", "2014-03-01", "--to", "2016-02-28", "--location", location,
                "--dry-run");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("would warm 3 keys (1 locations x 3 years)\n", run.out());
        try (Jedis redis = stack.redis()) {
            assertEquals(Set.of(), redis.keys("pm25:" + location + ":*"));
        }
    }
}
