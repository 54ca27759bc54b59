package io.ringside.ui.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.cassandra.Cell;
import io.ringside.ui.testing.LayoutProblems;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
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
 * Headless, no servers: a value cell elides its value itself as a label's skin would (same cut,
 * same ellipsis), shows it whole once the column is wide enough, and the layout check sees the cut.
 */
@ExtendWith(ApplicationExtension.class)
class ValueCellFxTest {

    private static final String LONG = "a value far longer than its narrow column can show";

    private Stage stage;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aNarrowColumnCutsTheValueAsALabelWouldAndAWideOneShowsItWhole(FxRobot robot) throws Exception {
        TableView<String> table = new TableView<>();
        TableColumn<String, Cell> values = new TableColumn<>("value");
        values.setCellValueFactory(row -> new SimpleObjectProperty<>(Cell.value(row.getValue())));
        values.setCellFactory(column -> new ValueCell<>());
        TableColumn<String, Cell> labels = new TableColumn<>("label");
        labels.setCellValueFactory(row -> new SimpleObjectProperty<>(Cell.value(row.getValue())));
        labels.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(Cell cell, boolean empty) {
                super.updateItem(cell, empty);
                setText(empty || cell == null ? null : cell.shown());
            }
        });
        for (TableColumn<String, Cell> column : List.of(values, labels)) {
            column.setPrefWidth(120);
        }
        table.getColumns().setAll(List.of(values, labels));
        table.getItems().setAll("short", LONG);
        robot.interact(() -> {
            stage.setScene(new Scene(table, 400, 300));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();

        ValueCell<?> cut = onFx(() -> valueCell(table, LONG));
        String labelShows = onFx(() -> table.lookupAll(".table-cell").stream()
                .filter(n -> n instanceof TableCell<?, ?> c && !(c instanceof ValueCell) && LONG.equals(c.getText()))
                .map(n -> ((javafx.scene.text.Text) ((TableCell<?, ?>) n).getChildrenUnmodifiable().stream()
                        .filter(t -> t instanceof javafx.scene.text.Text).findFirst().orElseThrow()).getText())
                .findFirst().orElseThrow());
        assertTrue(labelShows.length() < LONG.length(), "the label cell elides: " + labelShows);
        assertEquals(labelShows, onFx(cut::shownText), "the value cell cuts where a label cuts");
        assertEquals("short", onFx(() -> valueCell(table, "short").shownText()));
        assertTrue(onFx(() -> LayoutProblems.of(table)).stream().anyMatch(p -> p.contains("ValueCell")
                && p.contains("shows \"" + labelShows + "\"")), "the layout check sees the value cell's cut");

        robot.interact(() -> values.setPrefWidth(600));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(LONG, onFx(() -> valueCell(table, LONG).shownText()), "a wide column shows the whole value");
    }

    private static ValueCell<?> valueCell(TableView<String> table, String value) {
        return table.lookupAll(".table-cell").stream().filter(n -> n instanceof ValueCell<?> c && value.equals(c.value()))
                .map(n -> (ValueCell<?>) n).findFirst().orElseThrow();
    }

    private static <T> T onFx(Callable<T> value) throws Exception {
        return WaitForAsyncUtils.asyncFx(value).get();
    }
}
