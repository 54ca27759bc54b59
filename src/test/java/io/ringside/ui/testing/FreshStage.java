package io.ringside.ui.testing;

import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Shows a scene on the primary stage at the scene's own size. The run's FX tests share that stage: a
 * console window before left its minimum size (1024x700) and maybe its maximised state on it, and a
 * smaller test left its size, either of which would show a page at a size other than the test's.
 * Call on the FX thread.
 */
public final class FreshStage {

    private FreshStage() {
    }

    public static void show(Stage stage, Scene scene) {
        stage.setMaximized(false);
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }
}
