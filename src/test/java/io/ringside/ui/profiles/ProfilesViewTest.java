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
import io.ringside.ui.testing.FreshStage;
import io.ringside.ui.testing.LayoutProblems;
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
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
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
    private static final String PASSPHRASE = "key-Pass-" + System.nanoTime();
    private static final String HOP2_PASSWORD = "hop2-Pass-" + System.nanoTime();
    private static final String SENTINEL_PASSWORD = "sentinel-Pass-" + System.nanoTime();

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
        FreshStage.show(stage, new Scene(Fxml.load("/fxml/profiles/ProfilesView.fxml", controllers), 920, 680));
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
        type(robot, "#redisUsername", "ops");
        type(robot, "#redisPassword", SECRET);

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

    @Test
    void aTunnelOfTwoHopsAndSentinelsAreSavedAndReadBackWithTheSecretsInTheKeyringOnly(FxRobot robot) throws Exception {
        awaitProfiles(robot, 1);
        robot.interact(() -> robot.lookup("#newButton").queryButton().fire());
        robot.interact(() -> robot.lookup("#profileName").queryTextInputControl().setText("Behind bastion"));
        assertTrue(robot.lookup("#ssh1Host").query().isDisabled(), "hop fields wait for the tunnel to be turned on");
        fill(robot, "#redisSentinels", "10.0.0.7:26379, 10.0.0.8:26379");
        fill(robot, "#redisSentinelMaster", "cache");
        assertTrue(robot.lookup("#redisSentinelPassword").query().isDisabled(), "waits for the sentinel login box");
        robot.interact(() -> robot.lookup("#redisSentinelAuth").queryAs(CheckBox.class).setSelected(true));
        assertFalse(robot.lookup("#redisSentinelPassword").query().isDisabled());
        fill(robot, "#redisSentinelPassword", SENTINEL_PASSWORD);
        robot.interact(() -> robot.lookup("#sshEnabled").query().requestFocus());
        robot.type(javafx.scene.input.KeyCode.SPACE);
        assertFalse(robot.lookup("#ssh1Host").query().isDisabled());
        fill(robot, "#ssh1Host", "bastion.example.org");
        fill(robot, "#ssh1Port", "2222");
        fill(robot, "#ssh1User", "ops");
        fill(robot, "#ssh1KeyFile", "/home/ops/.ssh/id_ed25519");
        fill(robot, "#ssh1Secret", PASSPHRASE);
        robot.interact(() -> robot.lookup("#ssh2Enabled").query().requestFocus());
        robot.type(javafx.scene.input.KeyCode.SPACE);
        fill(robot, "#ssh2Host", "10.0.0.2");
        fill(robot, "#ssh2User", "app");
        robot.interact(() -> robot.lookup("#ssh2Auth").<ComboBox<ConnectionProfile.SshAuth>>query()
                .setValue(ConnectionProfile.SshAuth.PASSWORD));
        assertTrue(robot.lookup("#ssh2KeyFile").query().isDisabled(), "no key file for a password login");
        assertEquals("Hop 1 key passphrase", robot.lookup("#ssh1SecretLabel").queryLabeled().getText());
        assertEquals("Hop 2 password", robot.lookup("#ssh2SecretLabel").queryLabeled().getText());
        type(robot, "#ssh2Secret", "pw");
        fill(robot, "#ssh2Secret", HOP2_PASSWORD);
        List<String> problems = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            // a test result as long as a sentinel profile's: it wraps beside the button, never cutting it
            robot.lookup("#redisTestResult").queryLabeled()
                    .setText("Redis 127.0.0.1:6380 via Sentinel ringside: ok, version 6.2.11 (5 ms)");
            javafx.scene.Parent root = robot.lookup("#redisTest").query().getScene().getRoot();
            root.applyCss();
            root.layout();
            problems.addAll(LayoutProblems.of(root));
        });
        assertEquals(List.of(), problems, "the dialog at its default size, every section filled");

        robot.interact(() -> robot.lookup("#saveButton").queryButton().fire());

        awaitProfiles(robot, 2);
        ProfileStore store = new ProfileStore(data);
        ConnectionProfile saved = store.get("behind-bastion");
        assertEquals(new ConnectionProfile.Ssh(List.of(
                new ConnectionProfile.SshHop("bastion.example.org", 2222, "ops", ConnectionProfile.SshAuth.KEY,
                        "/home/ops/.ssh/id_ed25519"),
                new ConnectionProfile.SshHop("10.0.0.2", 22, "app", ConnectionProfile.SshAuth.PASSWORD, null))),
                saved.ssh());
        assertEquals(List.of("10.0.0.7:26379", "10.0.0.8:26379"), saved.redis().sentinels());
        assertEquals("cache", saved.redis().sentinelMaster());
        assertTrue(saved.redis().sentinelAuth(), "the sentinels ask for a password");
        assertEquals(SENTINEL_PASSWORD, keyring.stored("behind-bastion", SecretKind.REDIS_SENTINEL_PASSWORD).orElse(null));
        assertEquals(PASSPHRASE, keyring.stored("behind-bastion", SecretKind.SSH_KEY_PASSPHRASE).orElse(null));
        assertEquals(HOP2_PASSWORD, keyring.stored("behind-bastion", SecretKind.SSH2_PASSWORD).orElse(null));
        String json = Files.readString(data.resolve(ProfileStore.FILE));
        assertFalse(json.contains(PASSPHRASE) || json.contains(HOP2_PASSWORD) || json.contains(SENTINEL_PASSWORD), json);
        assertEquals("", robot.lookup("#ssh1Secret").queryTextInputControl().getText(), "cleared once saved");

        robot.interact(() -> robot.lookup("#ssh1KeyFile").queryTextInputControl().setText(""));
        robot.interact(() -> robot.lookup("#saveButton").queryButton().fire());
        assertEquals("SSH hop 1 key file: required for key authentication (or choose the SSH agent)",
                robot.lookup("#errorLabel").queryLabeled().getText());
        robot.interact(() -> robot.lookup("#redisSentinelMaster").queryTextInputControl().setText(""));
        robot.interact(() -> robot.lookup("#ssh1Auth").<ComboBox<ConnectionProfile.SshAuth>>query()
                .setValue(ConnectionProfile.SshAuth.AGENT));
        robot.interact(() -> robot.lookup("#saveButton").queryButton().fire());
        assertTrue(robot.lookup("#errorLabel").queryLabeled().getText().startsWith("Sentinel master: "),
                robot.lookup("#errorLabel").queryLabeled().getText());
        assertEquals(saved, store.get("behind-bastion"), "nothing saved while a field is not valid");
    }

    /** Sets a field's text through the control (typing every character costs seconds on two cores). */
    private static void fill(FxRobot robot, String query, String text) {
        robot.interact(() -> robot.lookup(query).queryTextInputControl().setText(text));
    }

    /** Focuses a field that may be scrolled out of view and types into it, as a keyboard user would. */
    private static void type(FxRobot robot, String query, String text) {
        robot.interact(() -> robot.lookup(query).query().requestFocus());
        robot.write(text);
    }

    private static void awaitProfiles(FxRobot robot, int count) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#profileList").queryAs(ListView.class).getItems().size() == count);
    }
}
