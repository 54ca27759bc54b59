package io.ringside.ui.util;

import static io.ringside.ui.testing.OnFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.ui.testing.FreshStage;
import io.ringside.ui.testing.LayoutProblems;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Scene;
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
 * Headless, no servers: the columns other than the name are as wide as their header or their widest
 * value, grow when a wider value arrives, keep a width the operator dragged, and the name column
 * takes the rest; no value but the name is cut.
 */
@ExtendWith(ApplicationExtension.class)
class ContentColumnWidthsFxTest {

    private Stage stage;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theOtherColumnsFitTheirValuesAndTheNameTakesTheRest(FxRobot robot) throws Exception {
        TableView<String[]> table = new TableView<>();
        TableColumn<String[], String> name = column("Topic", 0);
        name.setPrefWidth(260);
        TableColumn<String[], String> size = column("Size", 1);
        size.setPrefWidth(300);
        TableColumn<String[], String> retention = column("Retention", 2);
        retention.setPrefWidth(300);
        table.getColumns().addAll(List.of(name, size, retention));
        ContentColumnWidths.apply(table, name);
        table.getItems().setAll(List.<String[]>of(new String[] {"audit", "2.08 KiB", "7 d 0 h"},
                new String[] {"progress", "65 B", "unlimited"}));
        robot.interact(() -> FreshStage.show(stage, new Scene(new StackPane(table), 800, 300)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(size::getWidth) < 150);

        double sizeWidth = onFx(size::getWidth);
        assertTrue(onFx(retention::getWidth) < 150, "as wide as unlimited or its header: " + onFx(retention::getWidth));
        assertEquals(800 - sizeWidth - onFx(retention::getWidth), onFx(name::getWidth), 20, "the name takes the rest");
        assertEquals(List.of(), onFx(() -> LayoutProblems.of(table)), "no value cut");

        robot.interact(() -> table.resizeColumn(retention, 60)); // dragged by the operator
        double dragged = onFx(retention::getWidth);
        robot.interact(() -> table.getItems().add(new String[] {"jobs", "99.99 KiB", "1 d 0 h"}));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(size::getWidth) > sizeWidth);
        assertEquals(dragged, onFx(retention::getWidth), 0.5, "a dragged width is kept, the others fitted again");
        assertEquals(List.of(), onFx(() -> LayoutProblems.of(table)), "the wider size whole too");

        // past a hundred rows their texts are compared off the FX thread: the widest value comes last
        double before = onFx(size::getWidth);
        List<String[]> more = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            more.add(new String[] {"t" + i, i + " B", "1 d 0 h"});
        }
        more.add(new String[] {"bench", "1023.99 MiB", "30 d 0 h"});
        robot.interact(() -> table.getItems().addAll(more));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(size::getWidth) > before);
        robot.interact(() -> table.scrollTo(table.getItems().size() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), onFx(() -> LayoutProblems.of(table)), "the widest size whole");
    }

    private static TableColumn<String[], String> column(String title, int index) {
        TableColumn<String[], String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue()[index]));
        return column;
    }
}
