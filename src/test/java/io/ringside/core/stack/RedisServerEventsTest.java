package io.ringside.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.DataFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the local stack's events say about the Redis binary, without starting a server: the Local
 * stack page, {@code stack up} and the README's picture of the page showed the embedded binary's
 * extraction path under the user's home.
 */
class RedisServerEventsTest {

    private static final Pattern ABSOLUTE_PATH = Pattern.compile("(^|[\\s(=:])/[^\\s/]");

    @Test
    void theBinaryIsNamedByItsVersionAndWhereItComesFrom() {
        assertEquals("embedded redis-server 6.2.11",
                RedisServer.describe(true, "Redis server v=6.2.11 sha=00000000:0 malloc=jemalloc-5.1.0 bits=64 build=1\n"));
        assertEquals("redis-server 7.0.15 from the PATH",
                RedisServer.describe(false, "Redis server v=7.0.15 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64\n"));
        assertEquals("embedded redis-server", RedisServer.describe(true, ""), "no version printed: none named");
    }

    @Test
    void preparingTheServerReportsNoPath(@TempDir Path home) {
        List<StackEvent> events = new CopyOnWriteArrayList<>();
        RedisServer server = new RedisServer(home, () -> new StackState.Redis("127.0.0.1", 6379, false, null, null, null),
                new ServerArtifacts(), DataFolder.cache(), null);

        server.prepare(new ManagedServer.ProgressReporter("redis", events::add));

        String using = events.stream().map(StackEvent::detail).filter(d -> d.startsWith("using ")).findFirst()
                .orElseThrow(() -> new AssertionError("no 'using' event: " + events));
        assertTrue(using.matches("using (embedded redis-server \\d+\\.\\d+\\.\\d+|redis-server \\S+ from the PATH)"), using);
        assertTrue(server.binary().isAbsolute(), "the path itself is still known (stack.json): " + server.binary());
        // a first start's download says which Maven repository it fills (RESOLVING); what it configures names no path
        for (StackEvent event : events.stream().filter(e -> e.phase() != StackEvent.Phase.RESOLVING).toList()) {
            assertFalse(ABSOLUTE_PATH.matcher(event.detail()).find(), "an absolute path in: " + event.describe());
            assertFalse(event.detail().contains(System.getProperty("user.home")), event.describe());
        }
    }

    @Test
    void theVersionIsAskedOncePerBinary(@TempDir Path dir) throws Exception {
        // a stand-in binary that counts how often it is asked
        Path asked = dir.resolve("asked");
        Path binary = dir.resolve("redis-server");
        Files.writeString(binary, "#!/bin/sh\necho asked >> '" + asked + "'\necho 'Redis server v=9.8.7 sha=0'\n");
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwx------"));

        assertEquals("Redis server v=9.8.7 sha=0\n", RedisServer.versionLine(binary));
        assertEquals("Redis server v=9.8.7 sha=0\n", RedisServer.versionLine(binary));

        assertEquals(List.of("asked"), Files.readAllLines(asked), "a second server from the same binary asks no more");
    }
}
