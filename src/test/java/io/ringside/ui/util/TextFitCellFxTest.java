package io.ringside.ui.util;

import static io.ringside.ui.testing.OnFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.ui.testing.FreshStage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless, no servers: a figure that grows in place (a running job's) widens its column, and the
 * column that takes the rest of the table's width gives that up, so the table does not scroll sideways.
 */
@ExtendWith(ApplicationExtension.class)
class TextFitCellFxTest {

    private Stage stage;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aWidenedColumnTakesItsWidthFromTheFillColumn(FxRobot robot) throws Exception {
        StringProperty figure = new SimpleStringProperty("1");
        TableColumn<String, String> amount = amountColumn(row -> figure);
        TableView<String> table = tableWith(amount);
        TableColumn<String, ?> name = table.getColumns().get(0);
        show(robot, table);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(60, onFx(amount::getWidth), 0.5, "a short figure leaves the column as it is");

        robot.interact(() -> figure.set("1,234,567,890 of 9,876,543,210 rows"));
        WaitForAsyncUtils.waitForFxEvents();
        double widened = onFx(amount::getWidth);
        assertTrue(widened > 150, "the column widens to the figure: " + widened);
        double content = onFx(() -> table.getWidth() - table.snappedLeftInset() - table.snappedRightInset());
        assertEquals(content, onFx(name::getWidth) + widened, 1.0, "the fill column gives up what it took");
    }

    /**
     * The cell's padding and font come from the stylesheet, which a new cell has not read yet when it
     * is first given its text: measured then, "12m 34s" fitted a 72 px column without the theme's
     * padding and was drawn "12m …" with it.
     */
    @Test
    void aFigureIsMeasuredWithTheCellsStyledPadding(FxRobot robot) throws Exception {
        TableColumn<String, String> time = new TableColumn<>("Time");
        time.setPrefWidth(72);
        time.setCellValueFactory(c -> new SimpleStringProperty("12m 34s"));
        TableView<String> table = tableWith(time);
        table.setStyle("-fx-font-size: 13px;");
        StackPane root = new StackPane(table);
        Scene scene = new Scene(root, 500, 200);
        scene.getStylesheets().add("data:text/css,.table-cell%7B-fx-padding:0 40 0 40;%7D");
        robot.interact(() -> FreshStage.show(stage, scene));
        WaitForAsyncUtils.waitForFxEvents();

        List<String> shown = onFx(() -> table.lookupAll(".text").stream()
                .filter(node -> node instanceof Text text && text.getParent() instanceof TextFitCell<?> cell
                        && !cell.isEmpty())
                .map(node -> ((Text) node).getText()).toList());
        assertEquals(List.of("12m 34s"), shown, "the figure whole, padding and all: " + onFx(time::getWidth));
    }

    /**
     * The Jobs table's "Done / total" column only ever widened: after a running export's seven-digit
     * figures it stayed wide, and Source (the fill column) had that much less room. Once the wide row
     * is gone the column goes back to its own width and the fill column takes the room back.
     */
    @Test
    void aColumnNarrowsAgainOnceItsWideRowIsGone(FxRobot robot) throws Exception {
        Map<String, String> figures = new HashMap<>(Map.of("job", "1", "export", "1,234,567 / 9,876,543 rows"));
        TableColumn<String, String> amount = amountColumn(row -> new SimpleStringProperty(figures.get(row)));
        TableView<String> table = tableWith(amount);
        table.getItems().add("export");
        TableColumn<String, ?> name = table.getColumns().get(0);
        show(robot, table);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(amount::getWidth) > 150);

        robot.interact(() -> table.getItems().remove("export"));
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(amount::getWidth) < 60.5);
        } catch (TimeoutException e) {
            throw new AssertionError("the column kept the gone row's width: " + onFx(amount::getWidth), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        double content = onFx(() -> table.getWidth() - table.snappedLeftInset() - table.snappedRightInset());
        assertEquals(content, onFx(name::getWidth) + onFx(amount::getWidth), 1.0, "the fill column takes it back");
    }

    /**
     * A running job's figure that goes back and forth between a wider and a narrower text widens the
     * column once and does not narrow it at each change (no jitter); once only the narrow text is
     * left, the column narrows to it within about a second.
     */
    @Test
    void aFigureChangingInPlaceWidensOnceAndNarrowsOnlyWhenTheWideTextIsGone(FxRobot robot) throws Exception {
        StringProperty figure = new SimpleStringProperty("1");
        TableColumn<String, String> amount = amountColumn(row -> figure);
        TableView<String> table = shownWith(robot, amount);
        List<Double> widths = new CopyOnWriteArrayList<>();
        robot.interact(() -> amount.widthProperty().addListener((obs, old, width) -> widths.add(width.doubleValue())));

        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_600);
        for (int i = 0; System.nanoTime() < end; i++) {
            String text = i % 2 == 0 ? "1,234,567 / 9,876,543 rows" : "1,234 / 9,876 rows";
            robot.interact(() -> figure.set(text));
            Thread.sleep(80); // a progress event every 80 ms, faster than any real job's
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, widths.stream().distinct().count(), "the column widened once and held: " + widths);

        robot.interact(() -> figure.set("12 rows"));
        awaitNarrowerThan(amount, 100);
    }

    /**
     * A column the operator dragged wider keeps that width: once a wider figure has come and gone it
     * narrows back to the dragged width, not to its own 60 px (it did, a second after any change).
     */
    @Test
    void aColumnDraggedWiderNarrowsNoFurtherThanItWasDragged(FxRobot robot) throws Exception {
        StringProperty figure = new SimpleStringProperty("1");
        TableColumn<String, String> amount = amountColumn(row -> figure);
        TableView<String> table = shownWith(robot, amount);
        robot.interact(() -> table.resizeColumn(amount, 80)); // what a drag of its header's edge calls
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(140, onFx(amount::getWidth), 0.5, "dragged 80 px wider");

        robot.interact(() -> figure.set("1,234,567 / 9,876,543 rows"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(amount::getWidth) > 150);
        robot.interact(() -> figure.set("12 rows"));
        awaitNarrowerThan(amount, 150);
        assertEquals(140, onFx(amount::getWidth), 0.5, "back to the width it was dragged to");
    }

    /** Waits until {@code column} is narrower than {@code width}: its wide figure is gone. */
    private static void awaitNarrowerThan(TableColumn<String, String> column, double width) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(column::getWidth) < width);
        } catch (TimeoutException e) {
            throw new AssertionError("the column kept the wide figure's width: " + onFx(column::getWidth), e);
        }
    }

    /** An "Amount" column 60 px wide whose row shows {@code figure}'s value. */
    private static TableColumn<String, String> amountColumn(Function<String, ObservableValue<String>> figure) {
        TableColumn<String, String> amount = new TableColumn<>("Amount");
        amount.setPrefWidth(60);
        amount.setCellValueFactory(c -> figure.apply(c.getValue()));
        return amount;
    }

    /** A table of {@link #tableWith} {@code figures}, shown and laid out. */
    private TableView<String> shownWith(FxRobot robot, TableColumn<String, String> figures) {
        TableView<String> table = tableWith(figures);
        show(robot, table);
        WaitForAsyncUtils.waitForFxEvents();
        return table;
    }

    private void show(FxRobot robot, TableView<String> table) {
        robot.interact(() -> FreshStage.show(stage, new Scene(new StackPane(table), 500, 200)));
    }

    /** A table of one row: a Name column that takes the rest of the width, and {@code figures} in text-fit cells. */
    private static TableView<String> tableWith(TableColumn<String, String> figures) {
        TableView<String> table = new TableView<>();
        TableColumn<String, String> name = new TableColumn<>("Name");
        name.setMinWidth(60);
        name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue()));
        figures.setCellFactory(TextFitCell.factory());
        table.getColumns().addAll(List.of(name, figures));
        table.getItems().add("job");
        FillColumnResize.apply(table, name);
        return table;
    }
}
