package io.ringside.ui.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringside.ui.testing.FreshStage;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Headless, no servers: a new page re-fills the visible rows in place instead of emptying and rebuilding them. */
@ExtendWith(ApplicationExtension.class)
class PageItemsFxTest {

    private Stage stage;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aNewPageRefillsTheRowsWithoutEmptyingThem(FxRobot robot) throws Exception {
        ObservableList<String> page = FXCollections.observableArrayList();
        EmptiedRowsTable rowsTable = new EmptiedRowsTable();
        TableView<String> table = rowsTable.table();
        robot.interact(() -> {
            PageItems.follow(table, page);
            page.setAll(rows("page 1"));
            FreshStage.show(stage, new Scene(table, 400, 300));
        });
        WaitForAsyncUtils.waitForFxEvents();
        rowsTable.emptiedSinceLast();

        robot.interact(() -> page.setAll(rows("page 2")));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(0, rowsTable.emptiedSinceLast(), "rows emptied and rebuilt by a page swap");
        assertEquals("page 2 row 0", onFx(() -> table.getItems().get(0)));
        assertEquals(1000, onFx(() -> table.getItems().size()));
    }

    private static List<String> rows(String page) {
        return IntStream.range(0, 1000).mapToObj(i -> page + " row " + i).toList();
    }

    private static <T> T onFx(Callable<T> value) throws Exception {
        return WaitForAsyncUtils.asyncFx(value).get();
    }
}
