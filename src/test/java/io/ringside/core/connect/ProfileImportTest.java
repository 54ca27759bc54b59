package io.ringside.core.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.ProfileStore.ImportOutcome;
import io.ringside.core.connect.ProfileStore.ImportedProfile;
import io.ringside.core.connect.ProfileStore.OnConflict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export without secrets, import with rename / replace / skip, and the local profile that is never replaced. */
class ProfileImportTest {

    private static final String REDIS_SECRET = "r3dis-Pa55-" + System.nanoTime();
    private static final String CASSANDRA_SECRET = "c4ss-Pa55-" + System.nanoTime();
    private static final String KAFKA_SECRET = "k4fka-Pa55-" + System.nanoTime();
    private static final String KEY_STORE_SECRET = "st0re-Pa55-" + System.nanoTime();

    @TempDir
    Path here;

    @TempDir
    Path there;

    @Test
    void exportThenImportElsewhereGivesEqualProfilesAndNoSecretIsInTheFile() throws IOException {
        ProfileStore store = new ProfileStore(here);
        SessionSecretStore keyring = new SessionSecretStore(SecretPrompt.NONE);
        Path kafkaFile = here.resolve("client.properties");
        Files.writeString(kafkaFile, "bootstrap.servers=k1:9093,k2:9093\nsecurity.protocol=SASL_SSL\n"
                + "sasl.mechanism=SCRAM-SHA-512\nsasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule "
                + "required username=\"ops\" password=\"" + KAFKA_SECRET + "\";\nssl.truststore.location=/etc/kafka/ca.pem\n"
                + "ssl.keystore.location=/etc/kafka/client.p12\nssl.keystore.password=" + KEY_STORE_SECRET + "\n");
        ConnectionProfile bastion = new ProfileDraft(ProfileDraft.defaults(store.newId("Behind bastion"), "Behind bastion"))
                .url("redis-sentinel://ops:" + REDIS_SECRET + "@10.0.0.7:26379,10.0.0.8:26379/cache/3")
                .url("cassandra://ops:" + CASSANDRA_SECRET + "@10.0.0.1,10.0.0.2:9142/eu-west?keyspace=aqdata&tls=true")
                .kafkaProperties(kafkaFile)
                .ssh(new ConnectionProfile.Ssh(List.of(ProfileDraft.hop("ops@bastion.example.org:2222", "--ssh-jump",
                        "/home/ops/.ssh/id_ed25519"), ProfileDraft.hop("ops@10.0.0.2", "--ssh", null))))
                .readOnly(true, "#cf222e")
                .saveTo(store, keyring);
        ConnectionProfile plain = new ProfileDraft(ProfileDraft.defaults("plain", "Plain")).url("redis://:"
                + REDIS_SECRET + "@cache.example.org:6380/1").saveTo(store, keyring);
        assertEquals(REDIS_SECRET, new String(keyring.get(bastion.id(), SecretKind.REDIS_PASSWORD).orElseThrow()));
        assertEquals(KEY_STORE_SECRET, new String(keyring.get(bastion.id(), SecretKind.KAFKA_KEY_STORE).orElseThrow()));

        Path exported = there.resolve("exported.json");
        store.export(store.list(), exported);

        String json = Files.readString(exported);
        for (String secret : List.of(REDIS_SECRET, CASSANDRA_SECRET, KAFKA_SECRET, KEY_STORE_SECRET)) {
            assertFalse(json.contains(secret), "a secret is in the export:\n" + json);
            assertFalse(Files.readString(here.resolve(ProfileStore.FILE)).contains(secret), "a secret is in profiles.json");
        }
        assertFalse(json.contains("\"local\""), "the built-in profile is never exported:\n" + json);
        ProfileStore elsewhere = new ProfileStore(there.resolve("data"));
        List<ImportedProfile> imported = elsewhere.importFrom(exported, OnConflict.RENAME);
        assertEquals(List.of(ImportOutcome.ADDED, ImportOutcome.ADDED), imported.stream().map(ImportedProfile::outcome).toList());
        assertEquals(bastion, elsewhere.get(bastion.id()));
        assertEquals(plain, elsewhere.get("plain"));
        assertEquals(2, elsewhere.get(bastion.id()).ssh().hops().size());
        assertEquals(List.of("10.0.0.7:26379", "10.0.0.8:26379"), elsewhere.get(bastion.id()).redis().sentinels());
    }

    @Test
    void conflictsAreRenamedReplacedOrSkippedAndTheLocalProfileIsNeverReplaced() {
        ProfileStore store = new ProfileStore(here);
        ConnectionProfile mine = ProfileDraft.defaults("prod-eu", "Prod EU");
        store.save(mine);
        ConnectionProfile theirs = new ProfileDraft(ProfileDraft.defaults("prod-eu", "Prod EU")).url("10.9.9.9:9092").profile();
        ConnectionProfile sameName = new ProfileDraft(ProfileDraft.defaults("prod-other", "prod eu")).url("10.8.8.8:9092").profile();
        ConnectionProfile pretendsLocal = new ProfileDraft(ProfileDraft.defaults("local", "Local stack"))
                .url("10.7.7.7:9092").profile();
        ConnectionProfile fresh = ProfileDraft.defaults("staging", "Staging");
        Path file = there.resolve("in.json");
        writeExport(file, List.of(theirs, sameName, pretendsLocal, fresh));

        List<ImportedProfile> skipped = store.importFrom(file, OnConflict.SKIP);
        assertEquals(List.of(ImportOutcome.SKIPPED, ImportOutcome.SKIPPED, ImportOutcome.SKIPPED, ImportOutcome.ADDED),
                skipped.stream().map(ImportedProfile::outcome).toList());
        assertEquals(mine, store.get("prod-eu"));
        assertEquals("local", skipped.get(2).conflict().id());

        List<ImportedProfile> replaced = store.importFrom(file, OnConflict.REPLACE);
        assertEquals(List.of(ImportOutcome.REPLACED, ImportOutcome.REPLACED, ImportOutcome.RENAMED, ImportOutcome.REPLACED),
                replaced.stream().map(ImportedProfile::outcome).toList());
        assertEquals("10.8.8.8:9092", store.get("prod-eu").kafka().bootstrapServers(),
                "replaced by id, then by name: the stored id stays (and so its passwords)");
        assertTrue(store.get("local").isLocal());
        assertEquals(ConnectionProfile.local(), store.get("local"), "the built-in profile is never replaced");
        ImportedProfile renamedLocal = replaced.get(2);
        assertEquals("local-stack-2", renamedLocal.profile().id());
        assertEquals("Local stack (2)", renamedLocal.profile().name());
        assertTrue(renamedLocal.describe().contains("built in"), renamedLocal.describe());

        List<ImportedProfile> renamed = store.importFrom(file, OnConflict.RENAME);
        assertEquals(List.of("prod-eu-2", "prod-eu-3", "local-stack-3", "staging-2"),
                renamed.stream().map(i -> i.profile().id()).toList());
        assertEquals(List.of("Prod EU (2)", "prod eu (3)", "Local stack (3)", "Staging (2)"),
                renamed.stream().map(i -> i.profile().name()).toList());
        assertEquals("10.9.9.9:9092", store.get("prod-eu-2").kafka().bootstrapServers());
    }

    /** A file as another machine's export would be, which may carry any id (also the built-in one's). */
    private static void writeExport(Path file, List<ConnectionProfile> profiles) {
        try {
            io.ringside.core.Json.writeAtomically(file, new ProfileStore.ProfilesFile(ProfileStore.VERSION, profiles));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
