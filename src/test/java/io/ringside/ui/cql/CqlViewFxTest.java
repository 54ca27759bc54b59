package io.ringside.ui.cql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import io.ringside.core.cassandra.Cell;
import io.ringside.core.connect.AccessGuard;
import io.ringside.core.cql.CqlWorkbench;
import io.ringside.core.data.export.ExportFormat;
import io.ringside.core.jobs.ExportTableOptions;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import io.ringside.ui.testing.FreshStage;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.util.SelectedTabContent;
import io.ringside.ui.util.UiTaskExecutor;
import io.ringside.ui.util.ValueCell;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The CQL page on the shared stack, headless: type, complete with Ctrl+Space, run with Ctrl+Enter, see rows. */
@ExtendWith({SharedStack.class, ApplicationExtension.class})
class CqlViewFxTest {

    private final UiTaskExecutor executor = new UiTaskExecutor();
    private Stage stage;
    private CqlSession session;
    private CqlViewModel viewModel;
    private Path data;
    private final List<ExportTableOptions> exported = new CopyOnWriteArrayList<>();

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void show(TestStack stack, FxRobot robot, @TempDir Path data) {
        session = stack.cql();
        session.execute("CREATE KEYSPACE IF NOT EXISTS cql_fx WITH replication = "
                + "{'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE TABLE IF NOT EXISTS cql_fx.planets (name text PRIMARY KEY, moons int)");
        for (String[] planet : new String[][] {{"mars", "2"}, {"earth", "1"}, {"venus", "0"}}) {
            session.execute("INSERT INTO cql_fx.planets (name, moons) VALUES ('" + planet[0] + "', " + planet[1] + ")");
        }
        session.refreshSchema();
        CqlWorkbench workbench = new CqlWorkbench(() -> session, () -> AccessGuard.READ_WRITE, () -> {
            throw new AssertionError("only reads run here");
        });
        viewModel = new CqlViewModel(() -> workbench, data, () -> "local", executor, (options, done) -> {
            exported.add(options);
            done.accept(null);
        });
        this.data = data;
        robot.interact(() -> {
            Scene scene = new Scene(CqlView.load(viewModel), 1200, 800);
            scene.getStylesheets().add(Styles.stylesheet(Styles.STYLESHEET));
            FreshStage.show(stage, scene);
            viewModel.activate();
        });
    }

    @AfterEach
    void close() {
        executor.shutdown();
        session.close();
    }

    @Test
    void typeCompleteRunAndSeeRows(FxRobot robot) throws TimeoutException {
        CodeArea editor = robot.lookup("#cqlEditor").queryAs(CodeArea.class);
        robot.clickOn(editor);
        robot.interact(() -> {
            editor.replaceText("-- planets\nSELECT name, mo FROM cql_fx.planets");
            editor.moveTo("-- planets\nSELECT name, mo".length());
        });
        assertTrue(editor.getStyleSpans(0, 1).iterator().next().getStyle().contains("cql-comment"),
                "the comment is coloured as one");
        robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> completionMenu().isPresent()
                && completionMenu().get().isShowing());
        ContextMenu menu = completionMenu().orElseThrow();
        MenuItem first = menu.getItems().get(0);
        assertTrue(first.getText().startsWith("moons"), first.getText());
        robot.interact(() -> {
            first.fire();
            menu.hide();
        });
        assertEquals("-- planets\nSELECT name, moons FROM cql_fx.planets", editor.getText());

        robot.interact(() -> {
            editor.requestFocus();
            editor.moveTo(editor.getLength());
        });
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        TableView<List<Cell>> grid = robot.lookup(".row-table").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> grid.getItems().size() == 3);
        assertEquals(List.of("name", "moons"), grid.getColumns().stream().map(c -> c.getText()).toList());
        assertEquals(List.of("earth 1", "mars 2", "venus 0"), grid.getItems().stream()
                .map(row -> row.get(0).shown() + " " + row.get(1).shown()).sorted().toList());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.history().stream()
                .anyMatch(h -> h.statement().equals("SELECT name, moons FROM cql_fx.planets")));
    }

    @Test
    void exportSubmitsTheShownSelectAsAnExportJob(FxRobot robot) throws TimeoutException {
        Button export = robot.lookup("#exportButton").queryButton();
        assertTrue(export.isDisabled(), "nothing to export before a SELECT ran");
        String select = "SELECT name, moons\n  FROM cql_fx.planets";
        robot.interact(() -> viewModel.runScript("-- every planet\n" + select + ";"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> viewModel.rows().size() == 3 && !export.isDisabled());

        Path target = data.resolve("out").resolve("planets.jsonl.gz");
        robot.interact(() -> viewModel.export(target, ExportFormat.JSON, false));

        assertEquals(1, exported.size(), "one export job submitted");
        ExportTableOptions options = exported.get(0);
        assertEquals(select, options.query());
        assertEquals(null, options.table());
        assertEquals(target.toAbsolutePath().normalize().toString(), options.target());
        assertEquals(ExportFormat.JSON, options.format());
        assertTrue(options.gzip(), "a .gz file is compressed");
        assertTrue(viewModel.statusProperty().get().startsWith("Export job submitted"), viewModel.statusProperty().get());
    }

    /**
     * The result's grid shows every column and row in the view-model's order once its steps are
     * done, and the Messages tab's list, out of the scene while the Rows tab is selected (it made
     * its cells, cold, in the pulse of the result's header), shows the run's messages once chosen.
     */
    @Test
    void resultShowsEveryColumnAndRowInOrderAndMessagesWaitForTheirTab(FxRobot robot) throws TimeoutException {
        TabPane tabs = robot.lookup("#resultTabs").queryAs(TabPane.class);
        @SuppressWarnings("unchecked")
        ListView<String> messages = (ListView<String>) SelectedTabContent.content(tabs.getTabs().get(1));
        robot.interact(() -> viewModel.runScript("SELECT name, moons, name AS again FROM cql_fx.planets"));
        TableView<List<Cell>> grid = robot.lookup(".row-table").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !viewModel.runningProperty().get()
                && viewModel.rows().size() == 3 && grid.getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("name", "moons", "again"), grid.getColumns().stream().map(c -> c.getText()).toList());
        List<String> expected = onFx(() -> viewModel.rows().stream()
                .map(row -> row.stream().map(Cell::shown).toList().toString()).toList());
        assertEquals(expected, grid.getItems().stream()
                .map(row -> row.stream().map(Cell::shown).toList().toString()).toList());
        assertEquals(expected, onFx(() -> shownRows(grid)), "each row's cells, in column order");

        assertNull(messages.getScene(), "the Messages list is out of the scene while the Rows tab is selected");
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(tabs.getScene(), messages.getScene());
        assertEquals(List.of("Done"), messages.getItems().subList(messages.getItems().size() - 1, messages.getItems().size()));
        assertTrue(messages.getItems().get(0).contains("3 rows"), messages.getItems().toString());
    }

    private static <T> T onFx(Callable<T> read) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(read));
    }

    /** The values the grid's filled rows draw, row by row in index order, each row's cells left to right. */
    private static List<String> shownRows(TableView<List<Cell>> grid) {
        return grid.lookupAll(".table-row-cell").stream()
                .map(node -> (TableRow<?>) node)
                .filter(row -> !row.isEmpty() && row.getIndex() >= 0)
                .sorted(Comparator.comparingInt(TableRow::getIndex))
                .map(row -> row.lookupAll(".table-cell").stream()
                        .map(cell -> (ValueCell<?>) cell)
                        .sorted(Comparator.comparingDouble(cell -> cell.getLayoutX()))
                        .map(ValueCell::value).toList().toString())
                .toList();
    }

    private static java.util.Optional<ContextMenu> completionMenu() {
        return Window.getWindows().stream().filter(w -> w instanceof ContextMenu && "cqlCompletions".equals(((ContextMenu) w).getId()))
                .map(ContextMenu.class::cast).findFirst();
    }
}
