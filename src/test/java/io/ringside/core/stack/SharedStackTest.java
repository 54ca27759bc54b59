package io.ringside.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import io.ringside.core.Json;
import io.ringside.testing.CliRun;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

@ExtendWith(SharedStack.class)
class SharedStackTest {

    @Test
    void cassandraAnswersACqlQuery(TestStack stack) {
        try (CqlSession session = stack.cql()) {
            String version = session.execute("SELECT release_version FROM system.local").one().getString(0);
            assertEquals(io.ringside.core.BuildInfo.cassandraVersion(), version);
        }
    }

    @Test
    void redisAnswersPing(TestStack stack) {
        try (Jedis jedis = stack.redis()) {
            assertEquals("PONG", jedis.ping());
            jedis.set("ringside:test:ping", "pong");
            assertEquals("pong", jedis.get("ringside:test:ping"));
        }
    }

    /** The version shown is what the server says, not the name of the binary it came from (6.2.6 for a 6.2.11). */
    @Test
    void redisVersionIsTheOneTheServerReports(TestStack stack) throws Exception {
        String reported;
        try (Jedis jedis = stack.redis()) {
            reported = jedis.info("server").lines().filter(l -> l.startsWith("redis_version:"))
                    .map(l -> l.substring("redis_version:".length()).trim()).findFirst().orElseThrow();
        }
        assertEquals(reported, stack.state().redis().version());
        String binary = stack.state().redis().binary();
        Process process = new ProcessBuilder(binary, "--version").redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), binary + " --version did not end");
        assertTrue(printed.contains("v=" + reported + " "), printed);
        String name = java.nio.file.Path.of(binary).toString();
        assertTrue(!name.matches(".*redis-server-\\d+\\.\\d+\\.\\d+.*") || name.contains(reported),
                "the binary's path names another version than the server's " + reported + ": " + name);
    }

    @Test
    void kafkaDescribesItsCluster(TestStack stack) throws Exception {
        try (Admin admin = stack.kafkaAdmin()) {
            String clusterId = admin.describeCluster().clusterId().get(60, TimeUnit.SECONDS);
            assertEquals(stack.state().kafka().clusterId(), clusterId);
            assertEquals(1, admin.describeCluster().nodes().get(60, TimeUnit.SECONDS).size());
        }
    }

    @Test
    void statusJsonTellsScriptsWhereEachServerIs(TestStack stack) throws Exception {
        CliRun run = CliRun.of("--data", stack.dataFolder().toString(), "stack", "status", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = Json.mapper().readTree(run.out());
        JsonNode node = json.path("cassandra").path("nodes").get(0);
        assertEquals("127.0.0.1", node.path("address").asText());
        assertEquals(stack.state().node(1).port(), node.path("port").asInt());
        assertTrue(node.path("up").asBoolean());
        assertEquals(stack.state().kafka().bootstrap(), json.path("kafka").path("bootstrap").asText());
        assertEquals(stack.state().redis().port(), json.path("redis").path("port").asInt());
        assertTrue(json.path("redis").path("up").asBoolean());
        assertTrue(json.path("kafka").path("pid").asLong() > 0);
    }

    @Test
    void statusTableListsEveryServerUp(TestStack stack) {
        CliRun run = CliRun.of("--data", stack.dataFolder().toString(), "stack", "status");
        assertEquals(0, run.exitCode(), run.err());
        for (String server : new String[] {"cassandra-1", "kafka", "redis"}) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(server) && l.contains(" up ")), run.out());
        }
    }

    @Test
    void stackUpOnARunningStackIsANoOp(TestStack stack) {
        CliRun run = CliRun.of("--data", stack.dataFolder().toString(), "stack", "up", "--detach");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("already running"), run.err());
    }

    @Test
    void drillOnAMissingNodeIsNotFound(TestStack stack) {
        CliRun run = CliRun.of("--data", stack.dataFolder().toString(), "stack", "stop-node", "7");
        assertEquals(5, run.exitCode(), run.err());
        assertTrue(run.err().contains("no Cassandra node 7"), run.err());
    }

    @Test
    void drillOnAnUnknownServerIsAUsageError(TestStack stack) {
        CliRun run = CliRun.of("--data", stack.dataFolder().toString(), "stack", "stop", "mysql");
        assertEquals(2, run.exitCode(), run.err());
    }
}
