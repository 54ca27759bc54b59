package io.ringside.ui.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.connect.ProfileStore;
import io.ringside.core.connect.SecretKind;
import io.ringside.core.profile.ActiveConnection;
import io.ringside.testing.TempFolders;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.testing.MemorySecretStore;
import io.ringside.ui.util.ControllerFactory;
import io.ringside.ui.util.Fxml;
import io.ringside.ui.util.UiTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ProfilesViewTest {

    private static final String SECRET = "s3cret-Pa55-" + System.nanoTime();

    private final Path data = TempFolders.create("ringside-profiles-test");
    private final MemorySecretStore keyring = new MemorySecretStore();
    private final UiTaskExecutor executor = new UiTaskExecutor();
    private final List<ConnectionProfile> used = new CopyOnWriteArrayList<>();
    private ProfilesViewModel viewModel;


    @Start
    void show(Stage stage) {
        ProfileStore store = new ProfileStore(data);
        ActiveConnection connection = new ActiveConnection(data, keyring, ConnectionProfile.local(), Duration.ofSeconds(2));
        viewModel = new ProfilesViewModel(new StoreProfileGateway(store, keyring, connection, Duration.ofSeconds(2)),
                executor, new FakeDialogService().answering(true), used::add);
        ControllerFactory controllers = new ControllerFactory().register(ProfilesView.class, () -> new ProfilesView(viewModel));
        stage.setScene(new Scene(Fxml.load("/fxml/profiles/ProfilesView.fxml", controllers)));
        stage.setWidth(920);
        stage.setHeight(680);
        stage.show();
        viewModel.open(ConnectionProfile.LOCAL);
    }

    @AfterEach
    void cleanUp() {
        executor.shutdown();
        TempFolders.deleteQuietly(data);
    }

    @Test
    void aSavedPasswordGoesToTheKeyringAndNeverIntoTheProfilesFile(FxRobot robot) throws Exception {
        awaitProfiles(robot, 1);
        robot.clickOn("New");
        robot.interact(() -> robot.lookup("#profileName").queryTextInputControl().setText(""));
        robot.clickOn("#profileName").write("Staging");
        typeInto(robot, "#redisUsername", "ops");
        typeInto(robot, "#redisPassword", SECRET);

        robot.clickOn("Save");

        Path file = data.resolve(ProfileStore.FILE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file));
        awaitProfiles(robot, 2);
        String json = Files.readString(file);
        assertTrue(json.contains("\"name\" : \"Staging\""), json);
        assertTrue(json.contains("\"username\" : \"ops\""), json);
        assertFalse(json.contains(SECRET), "the password must not be in " + file + ":\n" + json);
        assertFalse(json.toLowerCase().contains("password"), json);
        assertEquals(SECRET, keyring.stored("staging", SecretKind.REDIS_PASSWORD).orElse(null));
        assertEquals("", robot.lookup("#redisPassword").queryAs(PasswordField.class).getText(),
                "the typed password is cleared once saved");
    }

    @Test
    void theLocalProfileCannotBeEditedOnlyCloned(FxRobot robot) throws TimeoutException {
        awaitProfiles(robot, 1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "Local stack".equals(
                robot.lookup("#profileName").queryTextInputControl().getText()));

        assertTrue(robot.lookup("#profileName").query().isDisabled());
        assertTrue(robot.lookup("#saveButton").queryButton().isDisabled());
        assertTrue(robot.lookup("#localNote").query().isVisible());

        robot.clickOn("Clone");

        assertFalse(robot.lookup("#profileName").query().isDisabled());
        assertEquals("Copy of Local stack", robot.lookup("#profileName").queryTextInputControl().getText());
    }

    @Test
    void testingAnUnreachableRedisSaysSoWithTheEndpoint(FxRobot robot) throws Exception {
        awaitProfiles(robot, 1);
        robot.clickOn("New");
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String port = Integer.toString(closed);
        robot.interact(() -> robot.lookup("#redisPort").queryTextInputControl().setText(port));

        robot.interact(() -> robot.lookup("#redisTest").queryButton().fire());

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#redisTestResult").queryLabeled().getText()
                .contains("unreachable"));
        assertTrue(robot.lookup("#redisTestResult").queryLabeled().getText().contains("127.0.0.1:" + port));
    }

    /** Focuses a field that may be scrolled out of view and types into it, as a keyboard user would. */
    private static void typeInto(FxRobot robot, String query, String text) {
        robot.interact(() -> robot.lookup(query).query().requestFocus());
        robot.write(text);
    }

    private static void awaitProfiles(FxRobot robot, int count) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#profileList").queryAs(ListView.class).getItems().size() == count);
    }
}
