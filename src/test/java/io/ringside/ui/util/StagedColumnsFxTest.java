package io.ringside.ui.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ringside.ui.testing.FreshStage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyStringWrapper;
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
 * Headless, no servers: an empty grid on screen takes its columns one per pulse, what follows them
 * once all are in; a grid showing rows takes them at once.
 */
@ExtendWith(ApplicationExtension.class)
class StagedColumnsFxTest {

    private Stage stage;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @Test
    void anEmptyGridTakesItsColumnsOnePerPulse(FxRobot robot) throws Exception {
        TableView<String> table = new TableView<>();
        StagedColumns<String> staged = new StagedColumns<>(table);
        AtomicInteger shownWith = new AtomicInteger(-1);
        List<Integer> columnsAtPulses = new ArrayList<>();
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                columnsAtPulses.add(table.getColumns().size());
            }
        };
        robot.interact(() -> FreshStage.show(stage, new Scene(table, 400, 300)));
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> {
            counter.start();
            staged.setAll(columns(4), () -> shownWith.set(table.getColumns().size()));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownWith.get() >= 0);
        robot.interact(counter::stop);

        List<Integer> shown = columnsAtPulses.stream().distinct().toList();
        assertEquals(List.of(1, 2, 3, 4), shown, "one column, then one more per pulse: " + columnsAtPulses);
        assertEquals(4, shownWith.get(), "what follows the columns runs once all are in");
        assertEquals(List.of("c0", "c1", "c2", "c3"), table.getColumns().stream().map(TableColumn::getText).toList());

        robot.interact(() -> {
            table.getItems().setAll("a row");
            staged.setAll(columns(3), () -> { });
        });
        assertEquals(3, table.getColumns().size(), "a grid showing rows takes its columns at once");
    }

    private static List<TableColumn<String, String>> columns(int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            TableColumn<String, String> column = new TableColumn<>("c" + i);
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue()));
            return column;
        }).toList();
    }
}
