package io.ringside.ui.theme;

import static io.ringside.ui.testing.OnFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import io.ringside.ui.testing.CssWarnings;
import io.ringside.ui.testing.FreshStage;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless, no servers: the lost-backend bar (ControlsFX's NotificationPane) on AtlantaFX with the
 * console's sheet gets a background and the CSS engine logs nothing. ControlsFX's own sheet names
 * Modena colours AtlantaFX does not define, which left the bar transparent and logged a
 * ClassCastException at every start.
 */
@ExtendWith(ApplicationExtension.class)
class NotificationBarStyleFxTest {

    private Stage stage;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theBarIsPaintedAndTheCssEngineLogsNothing(FxRobot robot) {
        String before = onFx(Application::getUserAgentStylesheet);
        try (CssWarnings warnings = CssWarnings.collect()) {
            NotificationPane pane = new NotificationPane(new StackPane(new Label("page")));
            robot.interact(() -> {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                Scene scene = new Scene(pane, 600, 300);
                scene.getStylesheets().add(Styles.stylesheet(Styles.STYLESHEET));
                FreshStage.show(stage, scene);
                pane.show("Lost Kafka: connection refused");
            });
            WaitForAsyncUtils.waitForFxEvents();

            Region bar = onFx(() -> pane.lookupAll(".pane").stream()
                    .filter(node -> node.getParent() != null && node.getParent().getStyleClass().contains("notification-bar"))
                    .map(Region.class::cast).findFirst().orElse(null));
            assertNotNull(bar, "the notification bar's pane is shown");
            assertTrue(onFx(() -> bar.getBackground() != null && !bar.getBackground().getFills().isEmpty()),
                    "the bar has a background");
            assertEquals(List.of(), warnings.messages(),
                    "the CSS engine logged warnings");
        } finally {
            robot.interact(() -> {
                stage.setScene(new Scene(new StackPane(), 100, 100));
                Application.setUserAgentStylesheet(before);
            });
        }
    }

}
