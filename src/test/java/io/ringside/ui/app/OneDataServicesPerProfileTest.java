package io.ringside.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.ProfileStore;
import io.ringside.core.connect.SecretPrompt;
import io.ringside.core.connect.SessionSecretStore;
import io.ringside.core.data.DataServices;
import io.ringside.core.profile.ActiveConnection;
import io.ringside.core.profile.ProfileServices;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TempFolders;
import io.ringside.testing.TestStack;
import io.ringside.ui.settings.ConsoleSettings;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.testing.FakeStackGateway;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's composition against the shared stack holds one {@link DataServices} for the
 * active profile, whichever pages use it, and no more after a profile switch or once closed: one
 * cache and one set of cache metrics per profile, as {@code DataServices} asks.
 */
@ExtendWith(SharedStack.class)
class OneDataServicesPerProfileTest {

    private final Path data = TempFolders.create("ringside-one-per-profile");
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();

    @AfterEach
    void deleteData() {
        executor.shutdown();
        TempFolders.deleteQuietly(data);
    }

    @Test
    void pagesShareTheActiveProfilesDataServicesAndASwitchReplacesThem(TestStack stack) {
        ConnectionProfile first = storedCopyOf(stack).withId("first", "First copy");
        ConnectionProfile second = storedCopyOf(stack).withId("second", "Second copy");
        ProfileStore profiles = new ProfileStore(data);
        profiles.save(first);
        profiles.save(second);
        int before = DataServices.openInProcess();

        MainWindow window = new MainWindow(new ConsoleSettings(data, first.id(), false, "trends"),
                new FakeStackGateway(), executor, new FakeDialogService());
        try {
            window.shell().select("trends");
            ProfileServices firstServices = window.connection().services();
            assertEquals(1, DataServices.openInProcess() - before, "the Trends page opened the profile's data services");
            window.shell().select("cache");
            window.shell().select("trends");
            assertSame(firstServices.data(), window.connection().services().data());
            assertEquals(1, DataServices.openInProcess() - before, "shown again, the page uses the same ones");

            window.shell().switchProfile(second);

            assertEquals(second.id(), window.connection().profile().id());
            assertEquals(1, DataServices.openInProcess() - before,
                    "the Trends page reloaded on the second profile; the first profile's services are closed");
        } finally {
            window.close();
        }
        assertEquals(0, DataServices.openInProcess() - before, "closing the console closes the profile's services");
    }

    private static ConnectionProfile storedCopyOf(TestStack stack) {
        try (ActiveConnection probe = new ActiveConnection(stack.dataFolder(), new SessionSecretStore(SecretPrompt.NONE),
                ConnectionProfile.local(), Duration.ofSeconds(5))) {
            return probe.localAsStored();
        }
    }
}
