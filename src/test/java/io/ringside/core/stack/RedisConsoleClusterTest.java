package io.ringside.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.AccessGuard;
import io.ringside.core.redis.CommandLineParser;
import io.ringside.core.redis.ConsoleResult;
import io.ringside.core.redis.RedisConsole;
import io.ringside.core.redis.ReplyLines;
import io.ringside.testing.TestPorts;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;

/**
 * The console on a three-master Redis Cluster of real redis-server processes: a keyed command goes
 * to the master of its key's slot (any other master would answer {@code MOVED}).
 */
class RedisConsoleClusterTest {

    @TempDir
    Path data;

    @Test
    void aKeyedCommandReachesTheMasterServingItsSlot() {
        try (RedisClusterFixture redisCluster = new RedisClusterFixture(data, TestPorts.REDIS_CONSOLE_CLUSTER)) {
            HostAndPort seed = new HostAndPort("127.0.0.1", redisCluster.ports.get(1));
            try (JedisCluster cluster = new JedisCluster(seed)) {
                for (int i = 0; i < 12; i++) {
                    cluster.set("console:" + i, "v" + i);
                }
            }
            try (RedisConsole console = new RedisConsole(List.of(seed), true, DefaultJedisClientConfig.builder().build(),
                    () -> {
                        throw new AssertionError("a read is not audited");
                    }, AccessGuard.of("cluster", false))) {
                Set<String> nodes = new HashSet<>();
                for (int i = 0; i < 12; i++) {
                    ConsoleResult result = console.run(CommandLineParser.parse("GET console:" + i).get(0), null);
                    assertEquals("\"v" + i + "\"", ReplyLines.text(result.reply()), "answered by " + result.node());
                    nodes.add(result.node());
                }
                assertTrue(nodes.size() >= 2, "keys of several slots, several masters: " + nodes);
            }
        }
    }
}
