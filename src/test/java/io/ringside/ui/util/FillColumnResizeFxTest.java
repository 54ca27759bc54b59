package io.ringside.ui.util;

import static io.ringside.ui.testing.OnFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.ui.testing.FreshStage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless, no servers: the name column takes the width the others leave, so a wide table has no
 * blank filler right of its last column (the Streams topic table at 1920 px had one), also once a
 * vertical scroll bar takes its share, and a narrow one keeps the name column at its minimum width.
 */
@ExtendWith(ApplicationExtension.class)
class FillColumnResizeFxTest {

    private Stage stage;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theNameColumnTakesWhatTheOthersLeaveAndNeverLessThanItsMinimum(FxRobot robot) throws Exception {
        TableView<String> table = new TableView<>();
        TableColumn<String, String> name = new TableColumn<>("Topic");
        name.setPrefWidth(260);
        name.setMinWidth(180);
        TableColumn<String, String> partitions = new TableColumn<>("Partitions");
        partitions.setPrefWidth(100);
        TableColumn<String, String> size = new TableColumn<>("Size");
        size.setPrefWidth(100);
        table.getColumns().addAll(List.of(name, partitions, size));
        FillColumnResize.apply(table, name);
        StackPane root = new StackPane(table);
        robot.interact(() -> FreshStage.show(stage, new Scene(root, 1200, 300)));
        WaitForAsyncUtils.waitForFxEvents();

        double wide = onFx(name::getWidth);
        assertTrue(wide > 900, "the name column takes the rest: " + wide);
        assertEquals(onFx(() -> contentWidth(table)), wide + 200, 1.0, "no filler right of the last column");

        robot.interact(() -> table.getItems().setAll(IntStream.range(0, 200).mapToObj(i -> "row " + i).toList()));
        WaitForAsyncUtils.waitForFxEvents();
        double withScrollBar = onFx(name::getWidth);
        assertTrue(withScrollBar < wide, "the vertical scroll bar's width comes off the name column: " + withScrollBar);
        assertEquals(onFx(() -> contentWidth(table)), withScrollBar + 200, 1.0, "no horizontal scroll bar either");

        robot.interact(() -> {
            table.getItems().clear();
            stage.setWidth(300);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(180, onFx(name::getWidth), 0.5, "narrow: the name column at its minimum, the table scrolls");
        assertEquals(100, onFx(size::getWidth), 0.5, "the other columns keep their widths");
    }

    /**
     * The policy runs at every resize pulse: it finds the table's menu button and vertical scroll bar
     * once per skin (a lookup walks every header and cell), not at each run; with a new skin it finds
     * the new ones, and it still leaves the button its width.
     */
    @Test
    void theMenuButtonIsLookedUpOncePerSkinNotAtEveryResize(FxRobot robot) {
        AtomicInteger lookups = new AtomicInteger();
        TableView<String> table = new TableView<>() {
            @Override
            public Node lookup(String selector) {
                lookups.incrementAndGet();
                return super.lookup(selector);
            }

            @Override
            public Set<Node> lookupAll(String selector) {
                lookups.incrementAndGet();
                return super.lookupAll(selector);
            }
        };
        TableColumn<String, String> name = new TableColumn<>("Source");
        name.setMinWidth(100);
        TableColumn<String, String> state = new TableColumn<>("State");
        state.setPrefWidth(90);
        table.getColumns().addAll(List.of(name, state));
        table.setTableMenuButtonVisible(true);
        FillColumnResize.apply(table, name);
        StackPane root = new StackPane(table);
        StackPane.setAlignment(table, Pos.TOP_LEFT); // at the scene's left edge: no room for the button's x
        table.setMaxWidth(500);
        robot.interact(() -> FreshStage.show(stage, new Scene(root, 900, 300)));
        WaitForAsyncUtils.waitForFxEvents();
        int afterShowing = onFx(lookups::get);

        robot.interact(() -> {
            for (int width = 500; width < 800; width += 10) {
                table.setMaxWidth(width);
                root.applyCss();
                root.layout();
            }
        });
        assertEquals(afterShowing, onFx(lookups::get), "no lookup at the 30 resizes");
        assertEquals(onFx(() -> contentWidth(table) - menuButtonWidth(table)), onFx(() -> name.getWidth() + 90), 1.0,
                "the fill column leaves the menu button its width");

        int beforeNewSkin = onFx(lookups::get);
        robot.interact(() -> {
            table.setSkin(new TableViewSkin<>(table));
            root.applyCss();
            root.layout();
            table.setMaxWidth(700);
            root.applyCss();
            root.layout();
        });
        assertTrue(onFx(lookups::get) > beforeNewSkin, "a new skin's button and scroll bar are looked up");
        assertEquals(onFx(() -> contentWidth(table) - menuButtonWidth(table)), onFx(() -> name.getWidth() + 90), 1.0,
                "with the new skin too");
    }

    private static double menuButtonWidth(TableView<?> table) {
        return ((Region) table.lookup(".show-hide-columns-button")).getWidth();
    }

    /** The width the rows get: the table's less its insets and a vertical scroll bar if one shows. */
    private static double contentWidth(TableView<?> table) {
        double width = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset();
        return table.lookupAll(".scroll-bar").stream()
                .filter(bar -> bar.isVisible() && bar instanceof javafx.scene.control.ScrollBar scroll
                        && scroll.getOrientation() == javafx.geometry.Orientation.VERTICAL)
                .mapToDouble(bar -> bar.getLayoutBounds().getWidth())
                .map(bar -> width - bar).findFirst().orElse(width);
    }
}
