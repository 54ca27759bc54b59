package io.ringside.ui.util;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.ui.testing.FreshStage;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
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

/** Headless, no servers: the table's rows exist before its first item, and the first items re-fill them. */
@ExtendWith(ApplicationExtension.class)
class PreparedTableRowsFxTest {

    private Stage stage;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theRowsAreMadeWithThePageAndReusedByTheFirstItems(FxRobot robot) throws Exception {
        ObservableList<String> items = FXCollections.observableArrayList();
        TableView<String> table = new TableView<>();
        TableColumn<String, String> column = new TableColumn<>("Key");
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue() == null ? "" : cell.getValue()));
        table.getColumns().add(column);
        robot.interact(() -> {
            PreparedTableRows.show(table, items);
            FreshStage.show(stage, new Scene(table, 400, 300));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> table.getItems() == items));
        Set<Node> made = onFx(() -> rows(table));
        assertFalse(made.isEmpty(), "no rows were made while the table had no items");

        robot.interact(() -> items.addAll(IntStream.range(0, 1000).mapToObj(i -> "key:" + i).toList()));
        WaitForAsyncUtils.waitForFxEvents();

        Set<Node> filling = onFx(() -> rows(table));
        assertTrue(made.containsAll(filling), "the first items made new rows instead of re-filling the prepared ones");
        assertSame(items, onFx(table::getItems));
        assertTrue(onFx(() -> texts(table)).contains("key:0"), "the first item is not shown");
    }

    @Test
    void withAReadFlagTheRowsStayFilledUntilTheItemsComeOrTheListIsKnownEmpty(FxRobot robot) throws Exception {
        ObservableList<String> items = FXCollections.observableArrayList();
        javafx.beans.property.BooleanProperty read = new javafx.beans.property.SimpleBooleanProperty();
        TableView<String> table = table();
        robot.interact(() -> {
            PreparedTableRows.showOnceRead(table, items, read);
            FreshStage.show(stage, new Scene(table, 400, 300));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !rows(table).isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        // Swapped for the empty list, the rows went empty behind the placeholder and had to be filled again.
        assertTrue(onFx(() -> table.getItems() != items && rows(table).stream().filter(Node::isVisible).noneMatch(r -> ((TableRow<?>) r).isEmpty())),
                "the prepared rows were emptied before the first read");
        Set<Node> made = onFx(() -> rows(table));

        robot.interact(() -> items.addAll(IntStream.range(0, 1000).mapToObj(i -> "key:" + i).toList()));
        // (the rows take the count first and the items a pulse later)
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> table.getItems() == items));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(made.containsAll(onFx(() -> rows(table))), "the first items made new rows");
        assertTrue(onFx(() -> texts(table)).contains("key:0"), "the first item is not shown");

        ObservableList<String> none = FXCollections.observableArrayList();
        TableView<String> empty = table();
        javafx.beans.property.BooleanProperty emptyRead = new javafx.beans.property.SimpleBooleanProperty();
        robot.interact(() -> {
            PreparedTableRows.showOnceRead(empty, none, emptyRead);
            FreshStage.show(stage, new Scene(empty, 400, 300));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !rows(empty).isEmpty()));
        robot.interact(() -> emptyRead.set(true));
        assertSame(none, onFx(empty::getItems), "a list read empty is shown empty (the placeholder)");
    }

    private static TableView<String> table() {
        TableView<String> table = new TableView<>();
        TableColumn<String, String> column = new TableColumn<>("Key");
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue() == null ? "" : cell.getValue()));
        table.getColumns().add(column);
        return table;
    }

    private static Set<Node> rows(TableView<String> table) {
        Set<Node> rows = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        rows.addAll(table.lookupAll(".table-row-cell"));
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static List<String> texts(TableView<String> table) {
        List<String> texts = new ArrayList<>();
        for (Node node : table.lookupAll(".table-row-cell")) {
            Object item = ((TableRow<String>) node).getItem();
            if (item != null) {
                texts.add((String) item);
            }
        }
        return texts;
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
