package io.ringside.ui.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.ProfileStore;
import io.ringside.core.connect.SecretKind;
import io.ringside.core.profile.ActiveConnection;
import io.ringside.core.stack.StackState;
import io.ringside.core.stack.StateFile;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.testing.MemorySecretStore;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesViewModelTest {

    @TempDir
    Path data;

    private final MemorySecretStore keyring = new MemorySecretStore();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final List<ConnectionProfile> used = new ArrayList<>();

    private ProfilesViewModel viewModel() {
        ActiveConnection connection = new ActiveConnection(data, keyring, ConnectionProfile.local(), Duration.ofSeconds(1));
        ProfilesViewModel viewModel = new ProfilesViewModel(new StoreProfileGateway(new ProfileStore(data), keyring,
                connection, Duration.ofSeconds(1)), new CurrentThreadTaskExecutor(), dialogs, used::add);
        viewModel.open(ConnectionProfile.LOCAL);
        return viewModel;
    }

    private static void createProd(ProfilesViewModel viewModel) {
        viewModel.newProfile();
        viewModel.form().name.set("Prod EU");
        viewModel.form().cassandraUsername.set("ops");
        viewModel.form().cassandraPassword.set("cassandra-secret");
        viewModel.save();
    }

    @Test
    void aNewProfileGetsAnIdFromItsNameAndItsPasswordGoesToTheSecretStore() {
        ProfilesViewModel viewModel = viewModel();

        createProd(viewModel);

        assertEquals("", viewModel.errorProperty().get());
        assertEquals(List.of("local", "prod-eu"), viewModel.profiles().stream().map(ConnectionProfile::id).toList());
        assertEquals("prod-eu", viewModel.selectedProperty().get().id());
        assertEquals("cassandra-secret", keyring.stored("prod-eu", SecretKind.CASSANDRA_PASSWORD).orElseThrow());
        assertEquals("", viewModel.form().cassandraPassword.get());
    }

    @Test
    void cloningSavesACopyUnderAFreshIdAndKeepsTheOriginal() {
        ProfilesViewModel viewModel = viewModel();
        createProd(viewModel);

        viewModel.cloneSelected();
        viewModel.save();

        assertEquals(List.of("local", "prod-eu", "copy-of-prod-eu"),
                viewModel.profiles().stream().map(ConnectionProfile::id).toList());
        assertEquals("Copy of Prod EU", viewModel.selectedProperty().get().name());
    }

    @Test
    void cloningTheLocalProfileOfASecureStackCarriesItsTlsUserAndEndpointsButNotItsPassword() throws IOException {
        Path ca = Files.createDirectories(data.resolve("tls")).resolve("ca.pem");
        Files.writeString(ca, "-----BEGIN CERTIFICATE-----\n");
        new StateFile(data.resolve("stack")).write(StackState.builder()
                .cassandra(new StackState.Cassandra("ringside-local", List.of(
                        new StackState.CassandraNode(1, "127.0.0.1", 9043, 7001, 7199, false, null, "5.0.9"),
                        new StackState.CassandraNode(2, "127.0.0.2", 9043, 7001, 7299, false, null, "5.0.9"))))
                .kafka(new StackState.Kafka("127.0.0.1:9094", "127.0.0.1", 9094, 9095, "abc", false, null, "4.1.1"))
                .redis(new StackState.Redis("127.0.0.1", 6380, false, null, "7.0.15", null))
                .security(new StackState.Security(ca.toString(), data.resolve("tls/credentials.properties").toString(),
                        "ringside", true, "SASL_SSL", "PLAIN"))
                .build());
        ProfilesViewModel viewModel = viewModel();

        viewModel.cloneSelected();

        ProfileForm form = viewModel.form();
        assertEquals("127.0.0.1:9043, 127.0.0.2:9043", form.cassandraContactPoints.get());
        assertEquals("6380", form.redisPort.get());
        assertEquals("127.0.0.1:9094", form.kafkaBootstrap.get());
        for (ProfileForm.TlsFields tls : List.of(form.cassandraTls, form.redisTls, form.kafkaTls)) {
            assertTrue(tls.enabled.get());
            assertEquals(ca.toString(), tls.trustFile.get());
        }
        assertEquals(List.of("ringside", "ringside", "ringside"),
                List.of(form.cassandraUsername.get(), form.redisUsername.get(), form.kafkaUsername.get()));
        assertEquals("PLAIN", form.kafkaSaslMechanism.get());
        assertEquals(List.of("", "", ""),
                List.of(form.cassandraPassword.get(), form.redisPassword.get(), form.kafkaPassword.get()));
        assertTrue(viewModel.messageProperty().get().contains("password is not copied"), viewModel.messageProperty().get());

        viewModel.save();

        ConnectionProfile saved = viewModel.selectedProperty().get();
        assertEquals("", viewModel.errorProperty().get());
        assertFalse(saved.isLocal());
        assertEquals(new ConnectionProfile.Tls(true, ca.toString(), null), new ProfileStore(data).get(saved.id()).cassandra().tls());
        for (SecretKind kind : SecretKind.values()) {
            assertTrue(keyring.stored(saved.id(), kind).isEmpty(), kind + " stored");
        }
    }

    @Test
    void deleteAsksFirstAndRemovesTheStoredSecretsToo() {
        ProfilesViewModel viewModel = viewModel();
        createProd(viewModel);

        dialogs.answering(false);
        viewModel.deleteSelected();
        assertEquals(2, viewModel.profiles().size());

        dialogs.answering(true);
        viewModel.deleteSelected();

        assertEquals(List.of("local"), viewModel.profiles().stream().map(ConnectionProfile::id).toList());
        assertTrue(keyring.stored("prod-eu", SecretKind.CASSANDRA_PASSWORD).isEmpty());
        assertEquals(2, dialogs.asked().size());
    }

    @Test
    void anExportHasNoSecretAndAnImportAddsTheProfilesBack(@TempDir Path elsewhere) throws IOException {
        ProfilesViewModel viewModel = viewModel();
        createProd(viewModel);
        Path exported = elsewhere.resolve("profiles.json");

        viewModel.exportTo(exported);

        String json = Files.readString(exported);
        assertTrue(json.contains("Prod EU"), json);
        assertFalse(json.contains("cassandra-secret"), json);
        assertFalse(json.contains("\"local\""), json);

        viewModel.importFrom(exported);

        assertEquals(List.of("local", "prod-eu", "prod-eu-2"), viewModel.profiles().stream().map(ConnectionProfile::id).toList());
        assertTrue(viewModel.messageProperty().get().startsWith("Imported 1 profile(s)"), viewModel.messageProperty().get());
    }

    @Test
    void anImportThatReplacesKeepsTheStoredIdAndItsPasswords(@TempDir Path elsewhere) throws IOException {
        ProfilesViewModel viewModel = viewModel();
        createProd(viewModel);
        Path exported = elsewhere.resolve("profiles.json");
        ConnectionProfile theirs = new ConnectionProfile("prod-eu", "Prod EU", "#cf222e", true, null, null,
                new ConnectionProfile.Kafka("10.9.9.9:9092", null, null, null));
        new ProfileStore(elsewhere).export(List.of(theirs), exported);

        viewModel.importFrom(exported, ProfileStore.OnConflict.REPLACE);

        assertEquals(List.of("local", "prod-eu"), viewModel.profiles().stream().map(ConnectionProfile::id).toList());
        assertEquals("10.9.9.9:9092", viewModel.profiles().get(1).kafka().bootstrapServers());
        assertEquals("cassandra-secret", keyring.stored("prod-eu", SecretKind.CASSANDRA_PASSWORD).orElseThrow());
        assertTrue(viewModel.messageProperty().get().contains("replaced: prod-eu (Prod EU)"),
                viewModel.messageProperty().get());
        assertTrue(Files.readString(data.resolve("spool").resolve("ringside.audit.jsonl")).contains("\"profiles.import\""),
                "audited; with no stack running the event waits in the spool");
    }

    @Test
    void invalidFieldsAreNamedAndNothingIsSaved() {
        ProfilesViewModel viewModel = viewModel();
        viewModel.newProfile();
        viewModel.form().redisPort.set("sixty");

        viewModel.save();

        assertEquals("Redis port: 'sixty' is not a number", viewModel.errorProperty().get());
        assertFalse(Files.exists(data.resolve(ProfileStore.FILE)));
    }

    @Test
    void onlyASavedProfileCanBeUsed() {
        ProfilesViewModel viewModel = viewModel();
        viewModel.newProfile();
        assertFalse(viewModel.useSelected());

        viewModel.select(viewModel.profiles().get(0));

        assertTrue(viewModel.useSelected());
        assertEquals(List.of("local"), used.stream().map(ConnectionProfile::id).toList());
    }
}
