package io.ringside.ui.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.ActiveConnection;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.ProfileStore;
import io.ringside.core.connect.SecretKind;
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
