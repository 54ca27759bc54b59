package io.ringside.ui.shell;

import io.ringside.core.connect.ConnectionProfile;
import io.ringside.ui.settings.ConsolePreferences;
import io.ringside.ui.settings.ConsoleSettings;
import io.ringside.ui.theme.Theme;
import io.ringside.ui.connect.ConnectionStatusViewModel;
import io.ringside.ui.stack.StackMode;
import io.ringside.ui.stack.StackViewModel;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.RunningTasks;
import io.ringside.ui.util.TaskExecutor;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/**
 * The window around the feature pages: which page is shown (the rail, Ctrl+1..9, refresh), the
 * theme, the active profile and its backends' state in the status bar, the running tasks, and how
 * the console closes. Closing may take seconds (the servers this console supervises stop first),
 * so it is a request that ends with the {@code exit} callback, never a blocking call on the FX thread.
 */
public final class ShellViewModel {

    /** The page of the local stack, always registered. */
    public static final String STACK_PAGE = "stack";
    /** The welcome page: it explains what happens while the stack starts, so it never waits for it. */
    public static final String WELCOME_PAGE = "welcome";

    private final StackViewModel stack;
    private final PageRegistry pages;
    private final ConsolePreferences preferences;
    private final ConnectionStatusViewModel connection;
    private final RunningTasks tasks;
    private final TaskExecutor executor;
    private final Consumer<ConnectionProfile> switchConnection;
    private final ReadOnlyObjectWrapper<Page> currentPage = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Theme> theme;
    private final ReadOnlyObjectWrapper<ConnectionProfile> profile;
    private final ReadOnlyStringWrapper profileLabel = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper dataFolder;
    private final ReadOnlyStringWrapper version;
    private final ReadOnlyStringWrapper closingMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper closing = new ReadOnlyBooleanWrapper();

    /**
     * @param switchConnection closes the clients of the old profile and prepares those of the new
     *                         one; blocks, so it runs in the background
     */
    public ShellViewModel(ConsoleSettings settings, String version, StackViewModel stack, PageRegistry pages,
                          ConsolePreferences preferences, ConnectionStatusViewModel connection, RunningTasks tasks,
                          TaskExecutor executor, ConnectionProfile profile, Consumer<ConnectionProfile> switchConnection) {
        this.stack = stack;
        this.pages = pages;
        this.preferences = preferences;
        this.connection = connection;
        this.tasks = tasks;
        this.executor = executor;
        this.switchConnection = switchConnection;
        this.theme = new ReadOnlyObjectWrapper<>(preferences.load().theme());
        this.profile = new ReadOnlyObjectWrapper<>(profile);
        this.dataFolder = new ReadOnlyStringWrapper("Data folder: " + settings.dataFolder());
        this.version = new ReadOnlyStringWrapper("Ringside " + version);
        updateProfileLabel();
        stack.modeProperty().addListener((obs, old, now) -> {
            if (!stackUp(now) || stackUp(old) || !this.profile.get().isLocal()) {
                return;
            }
            Page page = currentPage.get();
            if (page != null && page.available() && needsLocalStack(page)) {
                page.viewModel().activate();
            }
            connection.start();
        });
    }

    private static boolean stackUp(StackMode mode) {
        return mode != null && mode.serversUp();
    }

    /**
     * On the local profile every page but the stack's own and the welcome page talks to the stack's servers, so it
     * starts loading only once they are up (a page shown while the stack starts loads when it is
     * ready instead of failing with "no local stack").
     */
    private boolean needsLocalStack(Page page) {
        return profile.get().isLocal() && !STACK_PAGE.equals(page.id()) && !WELCOME_PAGE.equals(page.id());
    }

    public List<Page> pages() {
        return pages.pages();
    }

    /** Shows a page: the one shown before is told it is hidden, the new one starts loading. */
    public boolean select(String id) {
        Optional<Page> page = pages.find(id);
        page.ifPresent(this::show);
        return page.isPresent();
    }

    /** Ctrl+{@code number}. */
    public boolean selectShortcut(int number) {
        Optional<Page> page = pages.byShortcut(number);
        page.ifPresent(this::show);
        return page.isPresent();
    }

    private void show(Page page) {
        Page previous = currentPage.get();
        if (previous == page) {
            return;
        }
        if (previous != null && previous.available()) {
            previous.viewModel().deactivate();
        }
        currentPage.set(page);
        if (page.available() && (!needsLocalStack(page) || stackUp(stack.modeProperty().get()))) {
            page.viewModel().activate();
        }
    }

    /** F5 / Ctrl+R: the shown page loads again, and the backends are checked again. */
    public void refresh() {
        Page page = currentPage.get();
        if (page != null && page.available() && (!needsLocalStack(page) || stackUp(stack.modeProperty().get()))) {
            page.viewModel().activate();
        }
        connection.start();
    }

    public void toggleTheme() {
        Theme next = theme.get().other();
        theme.set(next);
        BackgroundTask.wrap(() -> preferences.update(values -> values.withTheme(next))).executeWith(executor);
    }

    /**
     * Records the active profile as the last used one, which the console opens on next time without
     * {@code --profile}.
     */
    public void rememberProfile() {
        String id = profile.get().id();
        BackgroundTask.wrap(() -> preferences.update(values -> values.withLastProfile(id))).executeWith(executor);
    }

    /**
     * Makes {@code next} the active profile: its clients replace the old ones, the status bar checks
     * it, and for the local stack the stack page is shown and the stack started if it is not running;
     * for any other profile the shown page is hidden and shown again, so whatever it holds open (a
     * Kafka tail, a key scan) is reopened on the new clients rather than left on the old ones.
     */
    public void switchProfile(ConnectionProfile next) {
        profile.set(next);
        updateProfileLabel();
        connection.stop();
        BackgroundTask.wrap(() -> {
            switchConnection.accept(next);
            preferences.update(values -> values.withLastProfile(next.id()));
        })
                .withTitle("Connecting to " + next.name())
                .onSuccess(nothing -> {
                    connection.start();
                    if (next.isLocal()) {
                        select(STACK_PAGE);
                        stack.ensureRunning();
                    } else {
                        reloadShownPage();
                    }
                })
                .onFailure(error -> connection.start())
                .executeWith(executor);
    }

    private void reloadShownPage() {
        Page page = currentPage.get();
        if (page != null && page.available()) {
            page.viewModel().deactivate();
            page.viewModel().activate();
        }
    }

    private void updateProfileLabel() {
        ConnectionProfile active = profile.get();
        profileLabel.set("Profile: " + active.name() + (active.readOnly() ? " (read-only)" : ""));
    }

    /** Asks to close; {@code exit} runs on the FX thread once the stack is stopped (if it was ours). */
    public void requestClose(Runnable exit) {
        if (closing.get()) {
            return;
        }
        closing.set(true);
        connection.stop();
        if (stack.supervisingProperty().get()) {
            closingMessage.set("Stopping local stack…");
        }
        stack.shutdown(exit);
    }

    public ReadOnlyObjectProperty<Page> currentPageProperty() {
        return currentPage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionProfile> activeProfileProperty() {
        return profile.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty profileProperty() {
        return profileLabel.getReadOnlyProperty();
    }

    public ConnectionStatusViewModel connection() {
        return connection;
    }

    public ObservableList<RunningTasks.Entry> runningTasks() {
        return tasks.entries();
    }

    public ReadOnlyStringProperty dataFolderProperty() {
        return dataFolder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty closingMessageProperty() {
        return closingMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty closingProperty() {
        return closing.getReadOnlyProperty();
    }
}
