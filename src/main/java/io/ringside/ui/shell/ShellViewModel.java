package io.ringside.ui.shell;

import io.ringside.ui.ConsoleSettings;
import io.ringside.ui.stack.StackViewModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The window around the feature pages: what the status bar says and how the console closes.
 * Closing may take seconds (the servers this console supervises stop first), so it is a request
 * that ends with the {@code exit} callback, never a blocking call on the FX thread.
 */
public final class ShellViewModel {

    private final StackViewModel stack;
    private final ReadOnlyStringWrapper profile;
    private final ReadOnlyStringWrapper dataFolder;
    private final ReadOnlyStringWrapper version;
    private final ReadOnlyStringWrapper closingMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper closing = new ReadOnlyBooleanWrapper();

    public ShellViewModel(ConsoleSettings settings, String version, StackViewModel stack) {
        this.stack = stack;
        this.profile = new ReadOnlyStringWrapper("Profile: " + settings.profile());
        this.dataFolder = new ReadOnlyStringWrapper("Data folder: " + settings.dataFolder());
        this.version = new ReadOnlyStringWrapper("Ringside " + version);
    }

    /** Asks to close; {@code exit} runs on the FX thread once the stack is stopped (if it was ours). */
    public void requestClose(Runnable exit) {
        if (closing.get()) {
            return;
        }
        closing.set(true);
        if (stack.supervisingProperty().get()) {
            closingMessage.set("Stopping local stack…");
        }
        stack.shutdown(exit);
    }

    public ReadOnlyStringProperty profileProperty() {
        return profile.getReadOnlyProperty();
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
