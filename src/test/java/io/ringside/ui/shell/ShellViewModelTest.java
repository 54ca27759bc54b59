package io.ringside.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.ConnectionProfile;
import io.ringside.ui.settings.ConsolePreferences;
import io.ringside.ui.settings.ConsoleSettings;
import io.ringside.ui.theme.Theme;
import io.ringside.ui.connect.ConnectionStatusViewModel;
import io.ringside.ui.stack.StackMode;
import io.ringside.ui.stack.StackViewModel;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.testing.FakeStackGateway;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import io.ringside.ui.util.PageLoad;
import io.ringside.ui.util.PageLoadState;
import io.ringside.ui.util.RunningTasks;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellViewModelTest {

    @TempDir
    Path data;

    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final FakeStackGateway gateway = new FakeStackGateway();
    private final List<String> calls = new ArrayList<>();
    private final List<ConnectionProfile> switched = new ArrayList<>();
    private StackViewModel stack;

    private final class RecordingPage implements PageLoad {
        private final String id;
        private final PageLoadState load = new PageLoadState();

        RecordingPage(String id) {
            this.id = id;
        }

        @Override
        public void activate() {
            calls.add("activate " + id);
        }

        @Override
        public void deactivate() {
            calls.add("deactivate " + id);
        }

        @Override
        public PageLoadState loadState() {
            return load;
        }
    }

    private static final ConnectionProfile REMOTE = new ConnectionProfile("qa", "QA", "#0969da", false, null, null, null);

    private ShellViewModel shell() {
        return shell(REMOTE);
    }

    private ShellViewModel shell(ConnectionProfile profile) {
        stack = new StackViewModel(gateway, executor, new FakeDialogService(), Clock.systemUTC(), false);
        PageRegistry pages = new PageRegistry()
                .add(Page.of(ShellViewModel.STACK_PAGE, "Local stack", "/fxml/stack/StackView.fxml", stack, "stack"))
                .add(Page.of("one", "One", "/fxml/one.fxml", new RecordingPage("one"), "first"))
                .add(Page.placeholder("later", "Later", "comes later"))
                .add(Page.of("two", "Two", "/fxml/two.fxml", new RecordingPage("two"), "second"));
        ConnectionStatusViewModel status = new ConnectionStatusViewModel(List::of, executor);
        return new ShellViewModel(new ConsoleSettings(data, profile.id(), false), "test", stack, pages,
                new ConsolePreferences(data), status, new RunningTasks(executor::runOnUi), executor,
                profile, switched::add);
    }

    @Test
    void selectingAPageActivatesItAndDeactivatesThePreviousOne() {
        ShellViewModel shell = shell();

        assertTrue(shell.select("one"));
        assertTrue(shell.select("two"));

        assertEquals(List.of("activate one", "deactivate one", "activate two"), calls);
        assertEquals("two", shell.currentPageProperty().get().id());
        assertFalse(shell.select("nope"));
        assertEquals("two", shell.currentPageProperty().get().id());
    }

    @Test
    void shortcutsFollowTheRailOrderAndPlaceholdersActivateNothing() {
        ShellViewModel shell = shell();

        assertTrue(shell.selectShortcut(3));
        assertEquals("later", shell.currentPageProperty().get().id());
        assertFalse(shell.currentPageProperty().get().available());
        assertTrue(shell.selectShortcut(4));
        assertEquals("two", shell.currentPageProperty().get().id());
        assertFalse(shell.selectShortcut(5));

        assertEquals(List.of("activate two"), calls);
    }

    @Test
    void onTheLocalProfileAPageShownWhileTheStackStartsLoadsOnceItIsUp() {
        ShellViewModel shell = shell(ConnectionProfile.local());

        shell.select("one");
        shell.refresh();
        assertEquals(List.of(), calls);

        stack.ensureRunning();

        assertEquals(StackMode.RUNNING, stack.modeProperty().get());
        assertEquals(List.of("activate one"), calls);
    }

    @Test
    void refreshActivatesTheShownPageAgain() {
        ShellViewModel shell = shell();
        shell.select("one");

        shell.refresh();

        assertEquals(List.of("activate one", "activate one"), calls);
    }

    @Test
    void themeToggleIsRememberedForTheNextConsole() {
        ShellViewModel shell = shell();
        assertEquals(Theme.LIGHT, shell.themeProperty().get());

        shell.toggleTheme();

        assertEquals(Theme.DARK, shell.themeProperty().get());
        assertEquals(Theme.DARK, new ConsolePreferences(data).load().theme());
        assertEquals(Theme.DARK, shell().themeProperty().get());
    }

    @Test
    void togglingTheThemeKeepsTheLastProfile() {
        ShellViewModel shell = shell(ConnectionProfile.local());
        new ConsolePreferences(data).update(values -> values.withLastProfile("staging"));

        shell.toggleTheme();

        ConsolePreferences.Values saved = new ConsolePreferences(data).load();
        assertEquals(Theme.DARK, saved.theme());
        assertEquals("staging", saved.lastProfile(), "the theme toggle changes the theme only");
    }

    @Test
    void switchingOrRememberingTheProfileKeepsTheTheme() {
        ShellViewModel shell = shell();
        new ConsolePreferences(data).update(values -> values.withTheme(Theme.DARK));

        shell.switchProfile(new ConnectionProfile("prod", "Prod", "#cf222e", true, null, null, null));

        ConsolePreferences.Values saved = new ConsolePreferences(data).load();
        assertEquals("prod", saved.lastProfile());
        assertEquals(Theme.DARK, saved.theme(), "the profile switch changes the last profile only");

        new ConsolePreferences(data).update(values -> values.withLastProfile("staging"));
        shell.rememberProfile();

        saved = new ConsolePreferences(data).load();
        assertEquals("prod", saved.lastProfile());
        assertEquals(Theme.DARK, saved.theme(), "remembering the profile changes the last profile only");
    }

    @Test
    void choosingTheLocalProfileShowsTheStackPageAndStartsTheStack() {
        ShellViewModel shell = shell();
        shell.select("one");
        ConnectionProfile remote = new ConnectionProfile("prod", "Prod", "#cf222e", true, null, null, null);

        shell.switchProfile(remote);
        assertEquals("Profile: Prod (read-only)", shell.profileProperty().get());
        assertEquals("one", shell.currentPageProperty().get().id());
        assertEquals(List.of("activate one", "deactivate one", "activate one"), calls,
                "the shown page reopens what it holds on the new profile's clients");
        assertEquals(0, gateway.startCalls.get());

        shell.switchProfile(ConnectionProfile.local());

        assertEquals(List.of("prod", "local"), switched.stream().map(ConnectionProfile::id).toList());
        assertEquals(ShellViewModel.STACK_PAGE, shell.currentPageProperty().get().id());
        assertEquals(1, gateway.startCalls.get());
        assertEquals(StackMode.RUNNING, stack.modeProperty().get());
        assertTrue(stack.loadedProperty().get());
        assertEquals("local", new ConsolePreferences(data).load().lastProfile());
    }

    @Test
    void registeringABuiltPageReplacesItsPlaceholderInPlace() {
        PageRegistry pages = new PageRegistry()
                .add(Page.placeholder("a", "A", "a later"))
                .add(Page.placeholder("b", "B", "b later"));

        pages.add(Page.of("a", "A", "/fxml/a.fxml", new RecordingPage("a"), "a now"));

        assertEquals(List.of("a", "b"), pages.pages().stream().map(Page::id).toList());
        assertTrue(pages.byShortcut(1).orElseThrow().available());
    }
}
