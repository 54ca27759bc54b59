package io.ringside.core.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.NotFoundException;
import io.ringside.core.RingsideException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {

    @TempDir
    Path data;

    private static ConnectionProfile prod() {
        return new ConnectionProfile("prod-eu", "Prod EU", "#cf222e", true,
                new ConnectionProfile.Cassandra(List.of("10.0.0.1:9042", "10.0.0.2"), "eu-west", "aqdata", "ops",
                        new ConnectionProfile.Tls(true, "/etc/ringside/ca.pem", null)),
                new ConnectionProfile.Redis("10.0.0.5", 6380, List.of(), "ops", 2, ConnectionProfile.Tls.OFF),
                new ConnectionProfile.Kafka("10.0.0.7:9093", "SCRAM-SHA-512", "ops", ConnectionProfile.Tls.OFF));
    }

    @Test
    void profilesSurviveARoundTripInAVersionedSnakeCaseFile() throws IOException {
        ProfileStore store = new ProfileStore(data);
        assertTrue(store.firstRun());

        store.save(prod());

        assertFalse(store.firstRun());
        assertEquals(List.of("local", "prod-eu"), new ProfileStore(data).list().stream().map(ConnectionProfile::id).toList());
        assertEquals(prod(), new ProfileStore(data).get("prod-eu"));
        String json = Files.readString(data.resolve(ProfileStore.FILE));
        assertTrue(json.contains("\"version\" : 1"), json);
        assertTrue(json.contains("\"local_datacenter\" : \"eu-west\""), json);
        assertTrue(json.contains("\"read_only\" : true"), json);
        assertFalse(json.contains("password"), json);
    }

    @Test
    void sshHopsAndSentinelsSurviveARoundTripAndAnOldFileReadsAsDirect() throws IOException {
        ProfileStore store = new ProfileStore(data);
        ConnectionProfile behindBastion = new ConnectionProfile("bastion", "Behind a bastion", null, true,
                null, new ConnectionProfile.Redis("10.0.0.5", 6379, List.of(), null, 0, null,
                        List.of("10.0.0.7:26379", "10.0.0.8:26379"), "cache"), null,
                new ConnectionProfile.Ssh(List.of(
                        new ConnectionProfile.SshHop("bastion.example.org", 0, "ops", null, "/home/ops/.ssh/id_ed25519"),
                        new ConnectionProfile.SshHop("10.0.0.2", 2222, "ops", ConnectionProfile.SshAuth.AGENT, null))));

        store.save(behindBastion);

        ConnectionProfile read = new ProfileStore(data).get("bastion");
        assertEquals(behindBastion, read);
        assertEquals(22, read.ssh().hops().get(0).port());
        assertEquals(ConnectionProfile.SshAuth.KEY, read.ssh().hops().get(0).auth());
        assertTrue(read.ssh().enabled());
        assertEquals("cache", read.redis().sentinelMaster());
        String json = Files.readString(data.resolve(ProfileStore.FILE));
        assertTrue(json.contains("\"sentinel_master\" : \"cache\""), json);
        assertFalse(prod().ssh().enabled(), "a profile made without hops is reached directly");
    }

    @Test
    void theLocalProfileIsBuiltInAndCannotBeReplacedOrDeleted() {
        ProfileStore store = new ProfileStore(data);

        assertTrue(store.get("local").isLocal());
        assertThrows(RingsideException.class, () -> store.save(ConnectionProfile.local()));
        assertThrows(RingsideException.class, () -> store.delete("local"));
        NotFoundException unknown = assertThrows(NotFoundException.class, () -> store.get("nope"));
        assertTrue(unknown.getMessage().contains("[local]"), unknown.getMessage());
    }

    @Test
    void anImportNeverOverwritesAndGetsFreshIds(@TempDir Path elsewhere) {
        ProfileStore store = new ProfileStore(data);
        store.save(prod());
        Path exported = elsewhere.resolve("exported.json");
        store.export(store.list(), exported);

        List<ConnectionProfile> imported = store.importFrom(exported);

        assertEquals(List.of("prod-eu-2"), imported.stream().map(ConnectionProfile::id).toList());
        assertEquals(List.of("local", "prod-eu", "prod-eu-2"), store.list().stream().map(ConnectionProfile::id).toList());
        assertEquals(prod().cassandra(), store.get("prod-eu-2").cassandra());
    }

    @Test
    void aMalformedImportNamesTheFileLineAndColumnAndSavesNothing(@TempDir Path elsewhere) throws IOException {
        Path broken = elsewhere.resolve("broken.json");
        Files.writeString(broken, "{\n  \"version\": 1,\n  \"profiles\": [ { \"id\": \"x\", } ]\n}\n", StandardCharsets.UTF_8);
        ProfileStore store = new ProfileStore(data);

        RingsideException error = assertThrows(RingsideException.class, () -> store.importFrom(broken));

        assertTrue(error.getMessage().startsWith(broken + ":3:"), error.getMessage());
        assertEquals(List.of("local"), store.list().stream().map(ConnectionProfile::id).toList());
    }

    @Test
    void newIdsComeFromNames() {
        ProfileStore store = new ProfileStore(data);
        store.save(prod());

        assertEquals("staging-1", store.newId("Staging #1"));
        assertEquals("prod-eu-2", store.newId("Prod EU"));
        assertEquals("local-2", store.newId("local"));
    }
}
