package io.ringside.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.Backends;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/** The server panel and memory analysis against the test stack's Redis. */
@ExtendWith(SharedStack.class)
class ServerStatsTest {

    @Test
    void summarySlowlogAndClientListDescribeTheServer(TestStack stack) {
        try (RedisKeyFixture fixture = new RedisKeyFixture(stack.redis()); Backends backends = stack.backends();
             Jedis plain = stack.redis()) {
            fixture.seed(30);
            ServerStats stats = new ServerStats(backends.redis());
            ServerSummary summary = stats.summary();
            assertTrue(summary.version().matches("\\d+\\.\\d+\\.\\d+"), summary.version());
            assertEquals("standalone", summary.mode());
            assertTrue(summary.usedMemory() > 0);
            assertEquals(plain.configGet("maxmemory-policy").get("maxmemory-policy"), summary.evictionPolicy());
            assertEquals(Long.parseLong(plain.configGet("maxmemory").get("maxmemory")), summary.maxMemory());
            assertTrue(summary.keyspace().get("db0").keys() >= 30, summary.keyspace().toString());
            assertTrue(summary.keyspace().get("db0").expires() >= 10, summary.keyspace().toString());

            String name = "ss" + fixture.prefix.replace(":", "");
            plain.clientSetname(name);
            List<Map<String, String>> clients = stats.clients();
            assertTrue(clients.stream().anyMatch(c -> name.equals(c.get("name"))), clients.toString());

            String threshold = plain.configGet("slowlog-log-slower-than").get("slowlog-log-slower-than");
            try {
                plain.configSet("slowlog-log-slower-than", "0");
                plain.get(fixture.key("slow"));
                List<ServerStats.SlowEntry> slow = stats.slowlog(20);
                assertTrue(slow.stream().anyMatch(e -> e.command().equals("GET " + fixture.key("slow"))), slow.toString());
            } finally {
                plain.configSet("slowlog-log-slower-than", threshold);
            }
        }
    }

    @Test
    void memoryAnalysisFindsTheLargestKeysAndNamespacesFullOrSampled(TestStack stack) {
        try (RedisKeyFixture fixture = new RedisKeyFixture(stack.redis()); Backends backends = stack.backends();
             Jedis plain = stack.redis()) {
            fixture.seed(200);
            plain.set(fixture.key("huge"), "x".repeat(200_000));
            plain.set(fixture.key("large"), "x".repeat(50_000));
            MemoryAnalysis analysis = new MemoryAnalysis(new KeyScanner(backends.redis()));

            MemoryReport full = analysis.analyse(fixture.prefix + "*", 3, 0, p -> { });
            assertEquals(202, full.examined());
            assertFalse(full.sampled());
            assertEquals(List.of(fixture.key("huge"), fixture.key("large")), full.topKeys().subList(0, 2).stream()
                    .map(k -> RedisKeyFixture.text(k.key())).toList());
            assertEquals(3, full.topKeys().size());
            MemoryReport.Namespace ns = full.topNamespaces().get(0);
            assertEquals(fixture.prefix.substring(0, fixture.prefix.length() - 1), ns.name());
            assertEquals(202, ns.keys());
            assertEquals(full.bytes(), ns.bytes());
            assertTrue(full.bytes() > 250_000);

            MemoryReport sampled = analysis.analyse(fixture.prefix + "*", 3, 50, p -> { });
            assertEquals(50, sampled.examined());
            assertTrue(sampled.sampled());
        }
    }
}
