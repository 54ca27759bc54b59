package io.ringside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.ProfileStore;
import io.ringside.core.stack.StackState;
import io.ringside.testing.CliRun;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ringside profiles ...} as a script uses it, in a data folder of its own (no stack there,
 * so the profiles point at the shared stack's ports like any remote cluster would be named).
 */
@ExtendWith(SharedStack.class)
class ProfilesCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void addListTestExportImportAndRemove(TestStack stack, @TempDir Path elsewhere) throws IOException {
        StackState state = stack.state();
        StackState.CassandraNode node = state.cassandra().nodes().get(0);
        CliRun added = CliRun.in(data, "profiles", "add", "Shared Stack",
                "--url", "cassandra://" + node.address() + ":" + node.port() + "/datacenter1",
                "--url", "redis://" + state.redis().host() + ":" + state.redis().port() + "/0",
                "--url", state.kafka().bootstrap(),
                "--ssh", "ops@bastion.example.org:2222", "--ssh-key", "/home/ops/.ssh/id_ed25519", "--color", "#cf222e");
        assertEquals(0, added.exitCode(), added.err());
        assertEquals("added profile shared-stack (Shared Stack)", added.out().strip());
        ConnectionProfile stored = new ProfileStore(data).get("shared-stack");
        assertEquals("bastion.example.org", stored.ssh().hops().get(0).host());

        // this profile's servers are routable, so it is tested without an SSH hop
        new ProfileStore(data).save(new ConnectionProfile(stored.id(), stored.name(), stored.color(), false,
                stored.cassandra(), stored.redis(), stored.kafka()));
        CliRun ok = CliRun.in(data, "profiles", "test", "Shared Stack");
        assertEquals(ExitCodes.OK, ok.exitCode(), ok.out() + ok.err());
        assertEquals(3, ok.out().strip().lines().filter(line -> line.contains(": ok")).count(), ok.out());

        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        CliRun halfDown = CliRun.in(data, "profiles", "add", "Half down", "--url", "redis://127.0.0.1:" + closed,
                "--url", "cassandra://" + node.address() + ":" + node.port(), "--url", state.kafka().bootstrap());
        assertEquals(0, halfDown.exitCode(), halfDown.err());
        CliRun down = CliRun.in(data, "profiles", "test", "half-down", "--timeout", "3");
        assertEquals(ExitCodes.UNREACHABLE, down.exitCode(), down.out() + down.err());
        assertTrue(down.err().contains("Redis 127.0.0.1:" + closed + ": unreachable"), down.err());
        assertFalse(down.err().contains("Cassandra"), "only the failing backend is named: " + down.err());

        CliRun list = CliRun.in(data, "profiles", "list", "--json");
        assertEquals(0, list.exitCode(), list.err());
        JsonNode profiles = JSON.readTree(list.out());
        assertEquals(List.of("local", "shared-stack", "half-down"), List.of(profiles.get(0).get("id").asText(),
                profiles.get(1).get("id").asText(), profiles.get(2).get("id").asText()));

        Path file = elsewhere.resolve("exported.json");
        CliRun exported = CliRun.in(data, "profiles", "export", file.toString(), "half-down");
        assertEquals(0, exported.exitCode(), exported.err());
        assertEquals(ExitCodes.USAGE, CliRun.in(data, "profiles", "export", file.toString()).exitCode(),
                "an existing file is kept without --force");
        CliRun skipped = CliRun.in(data, "profiles", "import", file.toString(), "--on-conflict", "skip");
        assertEquals(0, skipped.exitCode(), skipped.err());
        assertEquals("skipped: half-down (Half down), as half-down (Half down) exists", skipped.out().strip());
        CliRun renamed = CliRun.in(data, "profiles", "import", file.toString());
        assertEquals("renamed: half-down-2 (Half down (2)), as half-down (Half down) exists", renamed.out().strip());
        assertEquals(new ProfileStore(data).get("half-down").redis(), new ProfileStore(data).get("half-down-2").redis());
        assertEquals(ExitCodes.USAGE, CliRun.in(data, "profiles", "import", file.toString(), "--on-conflict", "merge")
                .exitCode());

        CliRun unconfirmed = CliRun.in(data, "profiles", "remove", "half-down-2");
        assertEquals(ExitCodes.USAGE, unconfirmed.exitCode());
        assertTrue(new ProfileStore(data).find("half-down-2").isPresent());
        CliRun removed = CliRun.in(data, "profiles", "remove", "Half down (2)", "--yes");
        assertEquals(0, removed.exitCode(), removed.err());
        assertTrue(new ProfileStore(data).find("half-down-2").isEmpty());
        assertTrue(Files.readString(data.resolve("spool").resolve("ringside.audit.jsonl")).contains("profiles.remove"),
                "the removal is in the audit spool");
        assertEquals(ExitCodes.NOT_FOUND, CliRun.in(data, "profiles", "test", "nope").exitCode());
        assertEquals(ExitCodes.FAILED, CliRun.in(data, "profiles", "remove", "local", "--yes").exitCode());
    }

    @Test
    void aBadConnectionStringIsAUsageErrorNamingTheOffsetAndSavesNothing() {
        CliRun bad = CliRun.in(data, "profiles", "add", "Broken", "--url", "redis://ops:hunter2@cache:63x9");
        assertEquals(ExitCodes.USAGE, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("Bad connection string 'redis://ops:****@cache:63x9' at offset 26: the port '63x9'"),
                bad.err());
        assertFalse(bad.err().contains("hunter2"), bad.err());
        assertFalse(Files.exists(data.resolve(ProfileStore.FILE)));
    }
}
