package io.ringside.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.testing.TempFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Owner-only modes without servers: the sweep a start runs, and the umask the servers get. */
class OwnerOnlyTest {

    private final Path data = TempFolders.create("ringside-owner-only-");

    @AfterEach
    void cleanUp() {
        TempFolders.deleteQuietly(data);
    }

    @Test
    void aFolderLeftOpenIsFixedOnceAndOnlyTheOwnersBitsStay() throws Exception {
        Files.createDirectories(data.resolve("kafka/data/ringside.audit-0"));
        Path segment = data.resolve("kafka/data/ringside.audit-0/00000000000000000000.log");
        Files.writeString(segment, "audit records");
        Path script = data.resolve("cassandra/node1/conf/run.sh");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/sh\n");
        Files.setPosixFilePermissions(segment, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxrwxr-x"));
        for (Path folder : List.of(data, data.resolve("kafka"), data.resolve("kafka/data"))) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        Path elsewhere = data.resolve("spool");
        Files.createDirectories(elsewhere);
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rwxr-xr-x"));

        OwnerOnly.Fixed first = OwnerOnly.fix(data);

        assertTrue(first.any());
        assertEquals(2, first.files(), first.describe(data));
        assertTrue(first.describe(data).contains("owner-only"), first.describe(data));
        assertTrue(first.describe(data).contains("e.g. the data folder, "), "named, not \".\": " + first.describe(data));
        assertEquals("rwx------", mode(data));
        assertEquals("rwx------", mode(data.resolve("kafka/data/ringside.audit-0")));
        assertEquals("rw-------", mode(segment));
        assertEquals("rwx------", mode(script), "the owner's execute bit stays");
        assertEquals("rwxr-xr-x", mode(elsewhere), "only the stack's folders are walked (the data folder itself is 0700)");
        assertFalse(OwnerOnly.fix(data).any(), "a second start has nothing to fix, so says nothing");
    }

    @Test
    void serversCreatingSiblingFoldersAtOnceAllSucceed() throws Exception {
        // The Redis cluster's nodes start side by side and all create redis-cluster/nodeN/data, whose
        // parent none of them finds: the loser of that race must not fail its server's start.
        for (int round = 0; round < 20; round++) {
            Path parent = data.resolve("round" + round + "/redis-cluster");
            int nodes = 8;
            CyclicBarrier start = new CyclicBarrier(nodes);
            ExecutorService pool = Executors.newFixedThreadPool(nodes);
            try {
                List<Future<?>> created = new ArrayList<>();
                for (int n = 1; n <= nodes; n++) {
                    Path folder = parent.resolve("node" + n + "/data");
                    created.add(pool.submit(() -> {
                        start.await();
                        OwnerOnly.folder(folder);
                        return null;
                    }));
                }
                for (Future<?> f : created) {
                    f.get(10, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            for (int n = 1; n <= nodes; n++) {
                assertEquals("rwx------", mode(parent.resolve("node" + n + "/data")));
            }
            assertEquals("rwx------", mode(parent));
        }
    }

    @Test
    void aServerCreatesItsFilesOwnerOnlyWhateverOurUmask() throws Exception {
        Process process = new ProcessBuilder(OwnerOnly.underPrivateUmask(List.of("/bin/sh", "-c",
                "mkdir created && echo x > created/file", "server"))).directory(data.toFile()).start();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());

        assertEquals("rwx------", mode(data.resolve("created")));
        assertEquals("rw-------", mode(data.resolve("created/file")));
    }

    @Test
    void foldersAreCreated0700WithTheirMissingParents() throws Exception {
        OwnerOnly.folder(data.resolve("redis/logs"));
        OwnerOnly.file(data.resolve("stack/supervisor.log"));

        assertEquals("rwx------", mode(data.resolve("redis")));
        assertEquals("rwx------", mode(data.resolve("redis/logs")));
        assertEquals("rw-------", mode(data.resolve("stack/supervisor.log")));
    }

    private static String mode(Path path) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
