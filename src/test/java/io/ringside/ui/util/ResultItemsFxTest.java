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
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Headless, no servers: pages appended keep the grid where it is; a new result re-fills its rows without emptying them. */
@ExtendWith(ApplicationExtension.class)
class ResultItemsFxTest {

    private Stage stage;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @Test
    void appendedPagesKeepThePlaceAndANewResultRefillsTheRowsFromTheTop(FxRobot robot) throws Exception {
        ObservableList<String> rows = FXCollections.observableArrayList();
        EmptiedRowsTable rowsTable = new EmptiedRowsTable();
        TableView<String> table = rowsTable.table();
        robot.interact(() -> {
            ResultItems.follow(table, rows);
            rows.setAll(page("first", 0));
            FreshStage.show(stage, new Scene(table, 400, 300));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> table.scrollTo(150));
        WaitForAsyncUtils.waitForFxEvents();

        for (int page = 1; page < 5; page++) {
            int next = page;
            robot.interact(() -> rows.addAll(page("first", next)));
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(1000, onFx(() -> table.getItems().size()));
        assertEquals(150, onFx(() -> firstVisible(table)), "appending pages moved the grid");
        robot.interact(() -> table.scrollTo(990));
        WaitForAsyncUtils.waitForFxEvents();
        rowsTable.emptiedSinceLast();

        robot.interact(() -> rows.setAll(page("again", 0)));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(0, rowsTable.emptiedSinceLast(), "rows emptied and rebuilt by the new result");
        assertEquals(0, onFx(() -> firstVisible(table)), "a new result starts at its top");
        assertEquals(List.of("again 0", "again 199"), onFx(() -> List.of(table.getItems().get(0), table.getItems().get(199))));
        assertEquals(200, onFx(() -> table.getItems().size()));
    }

    private static List<String> page(String result, int page) {
        return IntStream.range(page * 200, page * 200 + 200).mapToObj(i -> result + " " + i).toList();
    }

    private static int firstVisible(TableView<String> table) {
        return ((VirtualFlow<?>) table.lookup(".virtual-flow")).getFirstVisibleCell().getIndex();
    }

    private static <T> T onFx(Callable<T> value) throws Exception {
        return WaitForAsyncUtils.asyncFx(value).get();
    }
}
