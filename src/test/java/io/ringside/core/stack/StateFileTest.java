package io.ringside.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class StateFileTest {

    /** A state whose pids are above any kernel's pid limit, so probing it finds every server down. */
    public static StackState sample() {
        return StackState.builder()
                .cassandra(new StackState.Cassandra("ringside-local", List.of(
                        new StackState.CassandraNode(1, "127.0.0.1", 9042, 7000, 7199, true, 999_999_911L, "5.0.9"))))
                .kafka(new StackState.Kafka("127.0.0.1:9092", "127.0.0.1", 9092, 9093, "abc", true, 999_999_912L, "4.1.1"))
                .redis(new StackState.Redis("127.0.0.1", 6379, true, 999_999_913L, "7.0.15", "/usr/bin/redis-server"))
                .supervisor(new StackState.Supervisor(999_999_910L, "/tmp/x.sock"))
                .build();
    }

    @Test
    void roundTripsWithTheConventionalSnakeCaseFields(@TempDir Path dir) throws IOException {
        StateFile file = new StateFile(dir);
        file.write(sample());
        assertEquals(sample(), file.read().orElseThrow());
        String json = Files.readString(dir.resolve("stack.json"));
        assertTrue(json.contains("\"bootstrap\" : \"127.0.0.1:9092\""), json);
        assertTrue(json.contains("\"storage_port\" : 7000"), json);
    }

    @Test
    void aCorruptFileIsReportedWithItsPathAndLineAndLeftAlone(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("stack.json");
        Files.writeString(path, "{\n  \"cassandra\": {\n  oops\n");
        StackException error = assertThrows(StackException.class, () -> new StateFile(dir).read());
        assertTrue(error.getMessage().contains(path.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("line 3"), error.getMessage());
        assertEquals("{\n  \"cassandra\": {\n  oops\n", Files.readString(path));
    }

    @Test
    void aFolderFromAnotherLayoutVersionIsRefused(@TempDir Path dir) throws IOException {
        new StateFile(dir).write(sample());
        Path path = dir.resolve("stack.json");
        Files.writeString(path, Files.readString(path).replace("\"layout_version\" : 1", "\"layout_version\" : 99"));
        StackException error = assertThrows(StackException.class, () -> new StateFile(dir).read());
        assertTrue(error.getMessage().contains("layout version 99"), error.getMessage());
    }

    /** {@link #sample()} with the Sentinel group of {@code stack up --redis-sentinel}. */
    public static StackState withSentinels() {
        return sample().withRedisSentinel(new StackState.RedisSentinel("ringside", 2,
                new StackState.Redis("127.0.0.1", 6390, true, 999_999_914L, "6.2.6", "/usr/bin/redis-server"),
                List.of(new StackState.Redis("127.0.0.1", 6391, true, 999_999_915L, "6.2.6", null),
                        new StackState.Redis("127.0.0.1", 6392, true, 999_999_916L, "6.2.6", null),
                        new StackState.Redis("127.0.0.1", 6393, true, 999_999_917L, "6.2.6", null))));
    }

    @Test
    void aSentinelGroupRoundTripsAndAStateWithoutOneReadsAsBefore(@TempDir Path dir) throws IOException {
        StateFile file = new StateFile(dir);
        file.write(withSentinels());
        assertEquals(withSentinels(), file.read().orElseThrow());
        assertTrue(Files.readString(dir.resolve("stack.json")).contains("\"redis_sentinel\" : {"));
        StackState probed = LocalStack.probe(withSentinels());
        assertTrue(probed.redisSentinel().sentinels().stream().noneMatch(StackState.Redis::up), "dead pids are down");
        assertTrue(!probed.allUp());

        file.write(sample());
        assertEquals(null, file.read().orElseThrow().redisSentinel());
    }
}
