package io.ringside.ui.util;

import static io.ringside.ui.testing.OnFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.cassandra.Cell;
import io.ringside.core.cassandra.RowPage;
import io.ringside.ui.testing.FreshStage;
import io.ringside.ui.testing.LayoutProblems;
import io.ringside.ui.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
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
 * Headless, no servers: a row grid shaped like the Cluster benchmark's table (two int keys, a text
 * label, a blob) sizes its columns to their values and gives the rest to the text column, so no
 * text is cut beside blank filler (before: four 140 px columns, the label cut at 1024 px beside
 * 60 px of filler); a column cut at its cap takes spare room before the fill column; a narrow grid
 * keeps the numbers whole and the text column at its least, and scrolls sideways.
 */
@ExtendWith(ApplicationExtension.class)
class GridColumnWidthsFxTest {

    private static final String LABEL = "row 12345 of the Cluster screen benchmark";
    /** Wider than a column other than the fill one may be while the grid has no room to spare. */
    private static final String NOTE = "a note longer than the cap: " + "abcdefghij".repeat(4);

    private Stage stage;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theTextColumnTakesTheRestAndNoValueIsCutBesideFiller(FxRobot robot) throws Exception {
        TableView<RowPage.Row> table = grid(List.of("bucket", "id", "label", "body"));
        StackPane root = show(robot, table, 600);
        robot.interact(() -> table.getItems().setAll(rows(40, i -> List.of(value("" + (i / 10)), value("" + i),
                value(LABEL), new Cell(Cell.Kind.BLOB, "64 B", "", 64)))));
        TableColumn<RowPage.Row, ?> label = table.getColumns().get(2);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> table.getColumns().get(0).getWidth()) < 100);
        layout(robot, root);

        assertEquals(onFx(() -> rowsWidth(table)), onFx(() -> columnsWidth(table)), 1, "no blank filler");
        assertEquals(List.of(), onFx(() -> LayoutProblems.of(table)), "no value cut");
        assertTrue(onFx(label::getWidth) > 600 - 3 * 100, "the label takes the rest: " + onFx(label::getWidth));

        robot.interact(() -> table.setMaxWidth(300));
        layout(robot, root);
        assertEquals(GridColumnWidths.FILL_MIN, onFx(label::getWidth), 0.5, "narrow: the label at its least");
        assertEquals(List.of(), onFx(() -> LayoutProblems.of(table).stream()
                .filter(problem -> !problem.contains(LABEL.substring(0, 3))).toList()), "the other columns whole");
        assertTrue(onFx(() -> scrollsSideways(table)), "the grid scrolls sideways");
    }

    @Test
    void aColumnCutAtItsCapTakesSpareRoomBeforeTheFillColumn(FxRobot robot) throws Exception {
        TableView<RowPage.Row> table = grid(List.of("id", "note", "label"));
        StackPane root = show(robot, table, 1200);
        String label = LABEL + " " + LABEL; // the widest: the fill column
        robot.interact(() -> table.getItems().setAll(rows(10, i -> List.of(value("" + i), value(NOTE), value(label)))));
        TableColumn<RowPage.Row, ?> note = table.getColumns().get(1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> table.getColumns().get(0).getWidth()) < 100);
        layout(robot, root);
        assertEquals(List.of(), onFx(() -> LayoutProblems.of(table)), "room for both: neither cut");
        assertTrue(onFx(note::getWidth) > GridColumnWidths.CAP, "the note past its cap: " + onFx(note::getWidth));

        robot.interact(() -> table.setMaxWidth(1000));
        layout(robot, root);
        assertEquals(List.of(), onFx(() -> LayoutProblems.of(table).stream()
                .filter(problem -> !problem.contains("a note")).toList()), "the label whole, the note cut");
        assertTrue(onFx(note::getWidth) > GridColumnWidths.CAP, "the note has what the label leaves: "
                + onFx(note::getWidth));
        assertEquals(onFx(() -> rowsWidth(table)), onFx(() -> columnsWidth(table)), 1, "no blank filler");

        robot.interact(() -> table.resizeColumn(note, -80)); // dragged narrower by the operator
        layout(robot, root);
        double dragged = onFx(note::getWidth);
        robot.interact(() -> table.setItems(javafx.collections.FXCollections.observableArrayList(
                rows(10, i -> List.of(value("" + (i + 100)), value(NOTE + NOTE), value(label))))));
        layout(robot, root);
        assertEquals(dragged, onFx(note::getWidth), 0.5, "a dragged width is kept on the next page");
        assertEquals(onFx(() -> rowsWidth(table)), onFx(() -> columnsWidth(table)), 1, "the label takes what it left");
    }

    /**
     * Another table opened: its columns replace the last one's while that table's rows are still
     * shown, until the new first page comes. Those rows are not measured for the new columns (a
     * long value of the last table's second column made the new second column wide for good).
     */
    @Test
    void theLastTablesRowsDoNotSizeTheNewColumns(FxRobot robot) throws Exception {
        TableView<RowPage.Row> table = grid(List.of("location", "avg"));
        StackPane root = show(robot, table, 900);
        robot.interact(() -> table.setItems(javafx.collections.FXCollections.observableArrayList(
                rows(5, i -> List.of(value("Aotizhongxin"), value(NOTE))))));
        layout(robot, root);
        robot.interact(() -> {
            // as the view-model does: the new columns, then the rows cleared, in one event
            table.getColumns().setAll(columns(List.of("bucket", "id", "label")));
            table.setItems(javafx.collections.FXCollections.observableArrayList());
        });
        layout(robot, root);
        robot.interact(() -> table.setItems(javafx.collections.FXCollections.observableArrayList(
                rows(5, i -> List.of(value("1"), value("" + i), value(LABEL))))));
        layout(robot, root);
        assertTrue(onFx(() -> table.getColumns().get(1).getWidth()) < 100,
                "the id column as wide as its header: " + onFx(() -> table.getColumns().get(1).getWidth()));
        assertSame(table.getColumns().get(2), onFx(() -> table.getVisibleLeafColumns().stream()
                .max(java.util.Comparator.comparingDouble(TableColumn::getWidth)).orElseThrow()), "the label fills");
    }

    private static List<TableColumn<RowPage.Row, ?>> columns(List<String> names) {
        List<TableColumn<RowPage.Row, ?>> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            TableColumn<RowPage.Row, Cell> column = new TableColumn<>(names.get(i));
            column.setPrefWidth(140);
            column.setSortable(false);
            column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue().cells().get(index)));
            column.setCellFactory(c -> new ValueCell<>());
            columns.add(column);
        }
        return columns;
    }

    private TableView<RowPage.Row> grid(List<String> names) {
        TableView<RowPage.Row> table = new TableView<>();
        table.getStyleClass().add("row-table");
        table.getColumns().setAll(columns(names));
        GridColumnWidths.apply(table, RowPage.Row::cells);
        return table;
    }

    private StackPane show(FxRobot robot, TableView<RowPage.Row> table, double width) {
        StackPane root = new StackPane(table);
        StackPane.setAlignment(table, Pos.TOP_LEFT);
        table.setMaxWidth(width);
        robot.interact(() -> {
            Scene scene = new Scene(root, 1220, 400);
            scene.getStylesheets().add(Styles.stylesheet(Styles.STYLESHEET));
            FreshStage.show(stage, scene);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return root;
    }

    /** Lays the grid out and runs what that hands to the FX thread, twice: a fit waits for a drawn cell. */
    private static void layout(FxRobot robot, StackPane root) {
        for (int i = 0; i < 2; i++) {
            robot.interact(() -> {
                root.applyCss();
                root.layout();
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static List<RowPage.Row> rows(int count, java.util.function.IntFunction<List<Cell>> cells) {
        List<RowPage.Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new RowPage.Row(cells.apply(i), List.of(i)));
        }
        return rows;
    }

    private static Cell value(String text) {
        return Cell.value(text);
    }

    private static double columnsWidth(TableView<?> table) {
        return table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
    }

    /** The width the rows get: the table's less its insets and a shown vertical scroll bar's. */
    private static double rowsWidth(TableView<?> table) {
        double width = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset();
        return width - table.lookupAll(".scroll-bar").stream()
                .filter(bar -> bar instanceof ScrollBar scroll && scroll.getOrientation() == Orientation.VERTICAL
                        && scroll.isVisible())
                .mapToDouble(bar -> bar.getLayoutBounds().getWidth()).findFirst().orElse(0);
    }

    private static boolean scrollsSideways(TableView<?> table) {
        return table.lookupAll(".scroll-bar").stream().anyMatch(bar -> bar instanceof ScrollBar scroll
                && scroll.getOrientation() == Orientation.HORIZONTAL && scroll.isVisible());
    }
}
