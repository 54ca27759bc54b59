package io.ringside.ui.util;

import static io.ringside.ui.testing.OnFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.ui.testing.FreshStage;
import io.ringside.ui.theme.Tone;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless, no servers: a badge is shown with its text at its own size, also in a cell that
 * showed none before, and an empty value shows none (a badge kept as the cell's graphic and only
 * hidden was left unsized once shown: the Streams topic table's "In sync" column was blank).
 */
@ExtendWith(ApplicationExtension.class)
class BadgeCellFxTest {

    private Stage stage;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aBadgeShowsAtItsOwnSizeAndAnEmptyValueShowsNone(FxRobot robot) {
        TableView<String> table = new TableView<>();
        TableColumn<String, String> health = new TableColumn<>("In sync");
        health.setPrefWidth(150);
        health.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue()));
        health.setCellFactory(column -> new BadgeCell<>(value -> value, value -> Tone.OK));
        table.getColumns().add(health);
        table.getItems().setAll(List.of("in sync", ""));
        robot.interact(() -> FreshStage.show(stage, new Scene(new StackPane(table), 400, 200)));
        WaitForAsyncUtils.waitForFxEvents();
        assertShown(table, "in sync");
        assertEquals(1, onFx(() -> badges(table).size()), "the empty value shows no badge");

        robot.interact(() -> table.getItems().set(1, "2 under-replicated"));
        WaitForAsyncUtils.waitForFxEvents();
        assertShown(table, "2 under-replicated");
    }

    private static void assertShown(TableView<String> table, String text) {
        Label badge = onFx(() -> badges(table).stream().filter(b -> text.equals(b.getText())).findFirst().orElse(null));
        assertTrue(badge != null, "a badge reads " + text);
        assertTrue(onFx(() -> badge.isVisible() && badge.getWidth() > 20 && badge.getHeight() > 5),
                "the badge " + text + " is laid out at its own size: " + onFx(badge::getLayoutBounds));
    }

    private static List<Label> badges(TableView<String> table) {
        return table.lookupAll(".badge").stream()
                .filter(Label.class::isInstance).map(Label.class::cast)
                .filter(Node::isVisible).filter(b -> b.getParent() != null).toList();
    }
}
