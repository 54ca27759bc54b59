package io.ringside.ui.app;

import io.ringside.core.connect.SecretPrompt;
import io.ringside.core.connect.SecretStores;
import io.ringside.ui.profiles.FxSecretPrompt;
import io.ringside.ui.settings.ConsoleSettings;
import io.ringside.ui.stack.LocalStackGateway;
import io.ringside.ui.util.FxDialogService;
import io.ringside.ui.util.UiTaskExecutor;
import java.nio.file.Path;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The JavaFX application: the composition root that creates the real services. Receives the
 * data folder and profile as named parameters ({@code --data=DIR}, {@code --profile=NAME}) so no
 * static field carries them from the launcher.
 */
public final class ConsoleApp extends Application {

    static final String DATA = "data";
    static final String PROFILE = "profile";
    static final String VIEW = "view";

    private UiTaskExecutor executor;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        Map<String, String> named = getParameters().getNamed();
        String data = named.get(DATA);
        if (data == null) {
            throw new IllegalArgumentException("The console needs --" + DATA + "=DIR");
        }
        ConsoleSettings settings = new ConsoleSettings(Path.of(data), named.getOrDefault(PROFILE, "local"), true,
                named.get(VIEW));
        executor = new UiTaskExecutor();
        window = create(settings, executor, stage, new FxSecretPrompt(() -> stage));
        window.hostJobWorker();
        window.rememberProfile();
        window.show(stage, Platform::exit);
    }

    /**
     * The real window: the local stack's gateway, JavaFX dialogs, and the OS keyring or, without
     * one, session secrets asked for through {@code prompt}.
     */
    static MainWindow create(ConsoleSettings settings, UiTaskExecutor executor, Stage stage, SecretPrompt prompt) {
        return new MainWindow(settings, new LocalStackGateway(settings.dataFolder()), executor,
                new FxDialogService(() -> stage), executor.runningTasks(), SecretStores.open(prompt));
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        if (executor != null) {
            executor.shutdown();
        }
    }
}
