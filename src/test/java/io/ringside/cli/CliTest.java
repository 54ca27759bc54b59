package io.ringside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.BuildInfo;
import io.ringside.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @Test
    void versionNamesDriversAndServers() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Ringside " + BuildInfo.version()), run.out());
        assertTrue(run.out().contains("Cassandra " + BuildInfo.cassandraVersion()), run.out());
        assertTrue(run.out().contains("kafka-clients"), run.out());
        assertTrue(run.out().contains("(build " + BuildInfo.commit() + ")"), run.out());
        assertTrue(BuildInfo.commit().matches("[0-9a-f]{10}(-dirty)?|unknown"), BuildInfo.commit());
    }

    @Test
    void everyStackCommandHasHelp() {
        for (String command : new String[] {"up", "status", "down", "stop-node", "start-node", "stop", "start"}) {
            CliRun run = CliRun.of("stack", command, "--help");
            assertEquals(0, run.exitCode(), command);
            assertTrue(run.out().contains("Usage: ringside stack " + command), run.out());
        }
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        CliRun run = CliRun.of("stack", "explode");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("explode"), run.err());
    }

    @Test
    void moreThanThreeNodesIsAUsageError(@TempDir Path data) {
        CliRun run = CliRun.of("--data", data.toString(), "stack", "up", "--nodes", "4");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--nodes must be 1, 2 or 3"), run.err());
    }

    @Test
    void twoDataCentresWithoutThreeNodesIsAUsageError(@TempDir Path data) {
        CliRun run = CliRun.of("--data", data.toString(), "stack", "up", "--dcs", "2");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--dcs 2 needs --nodes 3 (nodes 1 and 2 in dc1, node 3 in dc2)"), run.err());
        assertFalse(Files.exists(data.resolve("stack")), "nothing started, nothing written");
    }

    @Test
    void statusOfAFolderWithoutAStackIsUnreachable(@TempDir Path data) {
        CliRun run = CliRun.of("--data", data.toString(), "stack", "status");
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("No local stack in " + data), run.err());
    }

    @Test
    void drillsWithoutARunningStackAreUnreachable(@TempDir Path data) {
        CliRun run = CliRun.of("--data", data.toString(), "stack", "stop", "kafka");
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("No local stack is running in " + data), run.err());
    }

    @Test
    void statusShowsEachNodesDatacentreRackAndMemory(@TempDir Path data) {
        new io.ringside.core.stack.StateFile(data.resolve("stack"))
                .write(io.ringside.core.stack.DatacenterLayoutTest.twoDatacentres());
        CliRun run = CliRun.of("--data", data.toString(), "stack", "status");
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("SERVER") && l.contains("MEMORY") && l.contains("PLACE")),
                run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("cassandra-3") && l.contains("down")
                && l.endsWith("dc2/rack1")), run.out());
        assertTrue(run.out().contains("data centres: 2; clients of the local profile use dc1"), run.out());
    }

    @Test
    void dataCommandsOnAStoppedStackSayItIsNotRunning(@TempDir Path data) {
        new io.ringside.core.stack.StateFile(data.resolve("stack")).write(io.ringside.core.stack.StateFileTest.sample());
        CliRun run = CliRun.of("--data", data.toString(), "pm25", "locations");
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("is not running"), run.err());
    }

    @Test
    void aCorruptStateFileFailsWithItsPath(@TempDir Path data) throws IOException {
        Path state = data.resolve("stack/stack.json");
        Files.createDirectories(state.getParent());
        Files.writeString(state, "not json");
        CliRun run = CliRun.of("--data", data.toString(), "stack", "up");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains(state.toString()) && run.err().contains("corrupt"), run.err());
        assertEquals("not json", Files.readString(state));
    }
}
