package io.ringside.ui.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.cassandra.Cell;
import io.ringside.ui.testing.LayoutProblems;
import java.util.concurrent.Callable;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless, no servers: in a grid with a {@link CutValueTooltip} (the CQL page's results), the
 * mouse over a cut value gives that cell the whole value as its tooltip, over a whole one none;
 * the layout check takes the grid's cut values as seen whole.
 */
@ExtendWith(ApplicationExtension.class)
class CutValueTooltipFxTest {

    private static final String LONG = "Hyderabad US Consulate, India (हैदराबाद अमेरिकी वाणिज्य दूतावास)";

    private Stage stage;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theMouseOverACutValueShowsItWholeInATooltip(FxRobot robot) throws Exception {
        TableView<String> table = new TableView<>();
        TableColumn<String, Cell> values = new TableColumn<>("location");
        values.setCellValueFactory(row -> new SimpleObjectProperty<>(Cell.value(row.getValue())));
        values.setCellFactory(column -> new ValueCell<>());
        values.setPrefWidth(140);
        table.getColumns().add(values);
        table.getItems().setAll("Delhi", LONG);
        robot.interact(() -> {
            CutValueTooltip.install(table);
            stage.setScene(new Scene(table, 400, 300));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();

        ValueCell<?> cut = onFx(() -> valueCell(table, LONG));
        assertTrue(onFx(() -> !cut.shownText().equals(LONG)), "the long value is cut at 140 px");
        robot.moveTo(onFx(() -> centre(cut)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(LONG, onFx(() -> cut.getTooltip() == null ? null : cut.getTooltip().getText()),
                "the cut cell's tooltip");

        ValueCell<?> whole = onFx(() -> valueCell(table, "Delhi"));
        robot.moveTo(onFx(() -> centre(whole)));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(onFx(whole::getTooltip), "a value shown whole has no tooltip");
        assertEquals(0, onFx(() -> LayoutProblems.of(table)).stream().filter(p -> p.contains("ValueCell")).count(),
                "a cut value of this grid is not a layout problem");
    }

    private static Point2D centre(ValueCell<?> cell) {
        var bounds = cell.localToScreen(cell.getLayoutBounds());
        return new Point2D(bounds.getCenterX(), bounds.getCenterY());
    }

    private static ValueCell<?> valueCell(TableView<String> table, String value) {
        return table.lookupAll(".table-cell").stream().filter(n -> n instanceof ValueCell<?> c && value.equals(c.value()))
                .map(n -> (ValueCell<?>) n).findFirst().orElseThrow();
    }

    private static <T> T onFx(Callable<T> value) throws Exception {
        return WaitForAsyncUtils.asyncFx(value).get();
    }
}
