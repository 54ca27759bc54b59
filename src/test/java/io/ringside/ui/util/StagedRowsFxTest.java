package io.ringside.ui.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.ui.testing.FreshStage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless, no servers: the first page of an empty grid on screen comes a few rows per pulse (the
 * header alone first, then one row), the next page at once; the empty rows below the items make no
 * cells.
 */
@ExtendWith(ApplicationExtension.class)
class StagedRowsFxTest {

    private Stage stage;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @Test
    void anEmptyGridShowsItsFirstRowsInStepsAndTheNextPageAtOnce(FxRobot robot) throws Exception {
        ObservableList<String> page = FXCollections.observableArrayList();
        TableView<String> table = new EmptiedRowsTable().table();
        List<Integer> shownAtPulses = new ArrayList<>();
        AnimationTimer counter = itemsAtEachPulse(table, shownAtPulses);
        robot.interact(() -> {
            PageItems.follow(table, page);
            FreshStage.show(stage, new Scene(table, 400, 300));
        });
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> {
            counter.start();
            page.setAll(rows("page 1"));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1000);
        robot.interact(counter::stop);

        List<Integer> shown = shownAtPulses.stream().distinct().toList();
        assertTrue(shown.size() >= 3, "more than one step: " + shownAtPulses);
        assertEquals(List.of(0, 1), shown.subList(0, 2), "no row, then one row, first: " + shownAtPulses);
        assertEquals("page 1 row 999", table.getItems().get(999));

        robot.interact(() -> page.setAll(rows("page 2")));
        assertEquals(1000, table.getItems().size(), "a grid showing rows takes the next page at once");
        assertEquals("page 2 row 0", table.getItems().get(0));
    }

    @Test
    void rowsAppendedToAGridNotYetFullComeInSteps(FxRobot robot) throws Exception {
        ObservableList<String> result = FXCollections.observableArrayList();
        TableView<String> table = new EmptiedRowsTable().table();
        List<Integer> shownAtPulses = new ArrayList<>();
        AnimationTimer counter = itemsAtEachPulse(table, shownAtPulses);
        robot.interact(() -> {
            ResultItems.follow(table, result);
            FreshStage.show(stage, new Scene(table, 400, 300));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> result.add("first match"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);

        robot.interact(() -> {
            counter.start();
            result.addAll(rows("more").subList(0, 100));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 101);
        robot.interact(counter::stop);
        assertEquals(1, (int) shownAtPulses.get(0), "a batch appended under the first match waits a pulse: " + shownAtPulses);
        assertTrue(shownAtPulses.stream().distinct().count() >= 3, "then comes in more than one step: " + shownAtPulses);
        assertEquals("more row 99", table.getItems().get(100));
    }

    @Test
    void emptyRowsMakeNoCellsUntilTheyShowAnItem(FxRobot robot) throws Exception {
        ObservableList<String> page = FXCollections.observableArrayList();
        TableView<String> table = new TableView<>();
        table.setFixedCellSize(24);
        AtomicInteger cellsMade = new AtomicInteger();
        TableColumn<String, String> column = new TableColumn<>("Value");
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue()));
        column.setCellFactory(c -> {
            cellsMade.incrementAndGet();
            return new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
        });
        table.getColumns().add(column);
        robot.interact(() -> {
            PageItems.follow(table, page);
            FreshStage.show(stage, new Scene(table, 400, 300));
        });
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> page.setAll(List.of("only row")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(table::layout);
        assertTrue(cellsMade.get() <= 2, "one item in a 300 px grid of 24 px rows made " + cellsMade.get()
                + " cells (the empty rows below it make none)");
        assertEquals(List.of("only row"), shownTexts(table));

        robot.interact(() -> page.setAll(rows("page 2").subList(0, 5)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(table::layout);
        assertEquals(rows("page 2").subList(0, 5), shownTexts(table), "rows that got an item show it in their cells");
    }

    /** A timer that, once started, notes the grid's item count at each pulse (before the grid's own steps started after it). */
    private static AnimationTimer itemsAtEachPulse(TableView<String> table, List<Integer> counts) {
        return new AnimationTimer() {
            @Override
            public void handle(long now) {
                counts.add(table.getItems().size());
            }
        };
    }

    private static List<String> shownTexts(TableView<String> table) {
        return table.lookupAll(".table-row-cell").stream()
                .map(node -> (TableRow<?>) node)
                .filter(row -> !row.isEmpty() && row.isVisible())
                .sorted(java.util.Comparator.comparingInt(TableRow::getIndex))
                .map(row -> row.lookup(".table-cell") instanceof TableCell<?, ?> cell ? cell.getText() : "(no cell)")
                .toList();
    }

    private static List<String> rows(String page) {
        return IntStream.range(0, 1000).mapToObj(i -> page + " row " + i).toList();
    }
}
