package io.ringside.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringside.core.connect.AccessGuard;
import io.ringside.core.connect.ReadOnlyProfileException;
import io.ringside.core.kafka.AuditLog;
import io.ringside.testing.AuditEvents;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;

/** The console against the shared stack's real Redis: replies of each RESP type, the safety checks, the audit trail. */
@ExtendWith(SharedStack.class)
class RedisConsoleTest {

    @TempDir
    Path data;

    private RedisConsole console(TestStack stack, boolean readOnly) {
        return new RedisConsole(List.of(new HostAndPort(stack.state().redis().host(), stack.state().redis().port())),
                false, DefaultJedisClientConfig.builder().build(),
                () -> new AuditLog(data, Map.of("bootstrap.servers", stack.state().kafka().bootstrap()), "console-test"),
                AccessGuard.of("console-test", readOnly));
    }

    private static String run(RedisConsole console, String line) {
        return ReplyLines.text(console.run(CommandLineParser.parse(line).get(0), null).reply());
    }

    @Test
    void repliesOfEveryTypeTheServerSendsRenderAsRedisCliShowsThem(TestStack stack) {
        String k = "console-test:" + UUID.randomUUID();
        try (RedisConsole console = console(stack, false)) {
            assertEquals("PONG", run(console, "PING"));
            assertEquals("OK", run(console, "SET " + k + ":s \"a\\xff\\x00\\\"b\""));
            assertEquals("\"a\\xff\\x00\\\"b\"", run(console, "GET " + k + ":s"), "binary escaped, quotes too");
            assertEquals("(integer) 5", run(console, "INCRBY " + k + ":n 5"));
            assertEquals("(nil)", run(console, "GET " + k + ":missing"));
            assertTrue(run(console, "INCR " + k + ":s").startsWith("(error) ERR"), "an error reply");
            run(console, "HSET " + k + ":h f1 v1 f2 v2");
            assertEquals("1# \"f1\" => \"v1\"\n2# \"f2\" => \"v2\"", run(console, "HGETALL " + k + ":h"), "a RESP3 map");
            run(console, "SADD " + k + ":set only");
            assertEquals("1~ \"only\"", run(console, "SMEMBERS " + k + ":set"), "a RESP3 set");
            run(console, "ZADD " + k + ":z 1.5 m");
            assertEquals("(double) 1.5", run(console, "ZSCORE " + k + ":z m"), "a RESP3 double");
            assertEquals("1) (integer) 1\n2) 1) \"x\"\n   2) (integer) 2\n3) (empty array)",
                    run(console, "EVAL \"return {1, {'x', 2}, {}}\" 0"), "nested arrays indented under their number");
            assertEquals("(true)", run(console, "EVAL \"redis.setresp(3); return true\" 0"), "a RESP3 boolean");
            run(console, "DEL " + k + ":s " + k + ":n " + k + ":h " + k + ":set " + k + ":z");
        }
    }

    @Test
    void flushallIsRefusedWithoutItsTypedNameAndUnderAReadOnlyProfileEvenWithIt(TestStack stack) {
        String k = "console-test:" + UUID.randomUUID();
        stack.redis().set(k, "kept");
        try (RedisConsole writable = console(stack, false); RedisConsole readOnly = console(stack, true)) {
            CommandLineParser.Command flushall = CommandLineParser.parse("flushall").get(0);
            assertEquals("FLUSHALL", writable.confirmationFor(flushall));

            ConfirmationRequiredException unconfirmed = assertThrows(ConfirmationRequiredException.class,
                    () -> writable.run(flushall, null));
            assertEquals("FLUSHALL", unconfirmed.expected());
            assertThrows(ConfirmationRequiredException.class, () -> writable.run(flushall, "flushdb"));
            assertThrows(ReadOnlyProfileException.class, () -> readOnly.run(flushall, "FLUSHALL"));
            assertEquals("kept", stack.redis().get(k), "nothing was flushed");

            ReadOnlyProfileException set = assertThrows(ReadOnlyProfileException.class,
                    () -> run(readOnly, "SET " + k + " changed"));
            assertTrue(set.getMessage().contains("SET (flagged write"), set.getMessage());
            assertEquals("\"kept\"", run(readOnly, "GET " + k), "a read runs under a read-only profile");
            assertEquals("kept", stack.redis().get(k));

            // a confirmed command runs: CONFIG SET to the value the server has
            String current = stack.redis().configGet("slowlog-max-len").values().iterator().next();
            assertEquals("OK", ReplyLines.text(writable.run(CommandLineParser.parse("config set slowlog-max-len "
                    + current).get(0), "config set").reply()));
            stack.redis().del(k);
        }
    }

    @Test
    void aWriteIsAuditedWithItsKeyAndNotItsValue(TestStack stack) throws Exception {
        String k = "console-test:" + UUID.randomUUID();
        try (RedisConsole console = console(stack, false)) {
            run(console, "SET " + k + " secret-value");
            JsonNode event = AuditEvents.await(stack, e -> ("SET " + k).equals(e.path("target").asText()));
            assertEquals(RedisConsole.AUDIT_ACTION, event.path("action").asText());
            assertEquals("ok", event.path("outcome").asText());
            assertEquals("console-test", event.path("profile").asText());
            assertTrue(!event.toString().contains("secret-value"), event.toString());
            run(console, "DEL " + k);
        }
    }

    @Test
    void completionComesFromTheServersOwnCommandList(TestStack stack) {
        try (RedisConsole console = console(stack, false)) {
            RedisCommandCatalog catalog = console.catalog();
            assertTrue(catalog.size() > 100, "the server's commands: " + catalog.size());
            List<String> names = catalog.complete("hg").stream().map(RedisCommandCatalog.Completion::text).toList();
            assertTrue(names.containsAll(List.of("HGET", "HGETALL")), names.toString());
            assertTrue(catalog.find("set").flagged("write"));
            assertTrue(catalog.find("get").flagged("readonly"));
        }
    }
}
