package io.ringside.ui;

import atlantafx.base.theme.PrimerLight;
import io.ringside.core.BuildInfo;
import io.ringside.ui.shell.ShellView;
import io.ringside.ui.shell.ShellViewModel;
import io.ringside.ui.stack.StackGateway;
import io.ringside.ui.stack.StackView;
import io.ringside.ui.stack.StackViewModel;
import io.ringside.ui.util.ControllerFactory;
import io.ringside.ui.util.DialogService;
import io.ringside.ui.util.Fxml;
import io.ringside.ui.util.TaskExecutor;
import java.time.Clock;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Wires the console's view-models to their services and shows the window. Separate from
 * {@link ConsoleApp} so that tests build the same window around fake services.
 */
public final class MainWindow {

    static final String TITLE = "Ringside";
    static final double WIDTH = 1100;
    static final double HEIGHT = 700;

    private final StackViewModel stackViewModel;
    private final ShellViewModel shellViewModel;

    public MainWindow(ConsoleSettings settings, StackGateway gateway, TaskExecutor executor, DialogService dialogs) {
        this.stackViewModel = new StackViewModel(gateway, executor, dialogs, Clock.systemDefaultZone(),
                settings.autoStart());
        this.shellViewModel = new ShellViewModel(settings, BuildInfo.version(), stackViewModel);
    }

    /** Builds every controller the console's FXML files name. */
    public ControllerFactory controllers() {
        return new ControllerFactory()
                .register(ShellView.class, () -> new ShellView(shellViewModel))
                .register(StackView.class, () -> new StackView(stackViewModel));
    }

    /**
     * Shows the window on {@code stage} and begins looking for the stack. Closing the window runs
     * {@code exit} once the stack this console supervises (if any) has stopped.
     */
    public void show(Stage stage, Runnable exit) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Parent root = Fxml.load("/fxml/shell/ShellView.fxml", controllers());
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(Styles.stylesheet(Styles.STYLESHEET));
        stage.setTitle(TITLE);
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        stage.setScene(scene);
        stage.setOnCloseRequest(event -> {
            event.consume();
            shellViewModel.requestClose(exit);
        });
        stage.show();
        stackViewModel.open();
    }
}
