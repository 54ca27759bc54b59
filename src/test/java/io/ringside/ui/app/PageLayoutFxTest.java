package io.ringside.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.cql.CqlHistory;
import io.ringside.core.cql.HistoryEntry;
import io.ringside.core.kafka.TopicInfo;
import io.ringside.core.stack.StackEvent.Phase;
import io.ringside.testing.TempFolders;
import io.ringside.ui.cluster.ClusterView;
import io.ringside.ui.cluster.ClusterViewModel;
import io.ringside.ui.cluster.SchemaSelection;
import io.ringside.ui.settings.ConsoleSettings;
import io.ringside.ui.shell.Page;
import io.ringside.ui.stack.ServerRow;
import io.ringside.ui.streams.StreamsView;
import io.ringside.ui.streams.StreamsViewModel;
import io.ringside.ui.testing.FakeClusterGateway;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.testing.FakeStackGateway;
import io.ringside.ui.testing.FakeStreamsGateway;
import io.ringside.ui.testing.LayoutProblems;
import io.ringside.ui.testing.StackStates;
import io.ringside.ui.trends.FakeTrendsGateway;
import io.ringside.ui.trends.TrendChart;
import io.ringside.ui.trends.TrendsView;
import io.ringside.ui.trends.TrendsViewModel;
import io.ringside.ui.util.ControllerFactory;
import io.ringside.ui.util.Fxml;
import io.ringside.ui.util.StepsPerPulse;
import io.ringside.ui.util.UiTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Orientation;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every page of the console, in the real shell, at the smallest window the console allows and on a
 * full-HD screen: no label, button or cell shows elided text, no control is pushed outside the
 * container that lays it out. The Cluster page shows a table with three partition-key columns (the
 * widest filter bar) and three nodes in two data centres; the Streams page shows topics with the
 * widest values of each column, a name longer than its column at 1024 px among them (cut, with its
 * tooltip, but no other cell, and the table does not scroll sideways), and on its Messages tab a
 * page of messages with millisecond times, and on its Live tail tab progress events with
 * millisecond times; the Local stack page a running stack's servers; the
 * Trends page four locations compared, the PM2.5 sample's among them (a name wider than the location
 * list, and in Devanagari, which JavaFX draws past a wrapped line's end), with their summary;
 * the CQL page a history of long statements. The other pages show what they show with no servers
 * running.
 *
 * <p>With {@code -Dringside.layout.png=DIR} it also writes each page's PNG there (and each
 * further tab's), to look at.
 */
@ExtendWith(ApplicationExtension.class)
class PageLayoutFxTest {

    /**
     * Pages whose toolbars and tables are being rebuilt at the same time as this test was written:
     * their problems are printed, not failed on. Empty this set once that work has landed.
     */
    static final Set<String> PRINTED_ONLY = Set.of();

    /**
     * Pages whose table runs to the window's right edge but which are being rebuilt as this check
     * was written: printed, not failed on. Empty this set once that work has landed.
     */
    static final Set<String> EDGE_PRINTED_ONLY = Set.of();

    private final UiTaskExecutor executor = new UiTaskExecutor();
    private final Path data = TempFolders.create("ringside-layout-test");
    private final ClusterViewModel cluster = new ClusterViewModel(
            new FakeClusterGateway(FakeClusterGateway.DATASET_CHUNK).inTwoDatacenters(), executor);
    private final StreamsViewModel streams = new StreamsViewModel(new FakeStreamsGateway(), executor);
    private final TrendsViewModel trends = new TrendsViewModel(new FakeTrendsGateway(), executor);
    private MainWindow window;
    private Parent root;
    /** Not in a window: the headless screen is smaller than full HD, and layout needs none. */
    private Scene scene;

    @Start
    void buildShell(Stage stage) {
        CqlHistory history = new CqlHistory(data);
        for (int i = 0; i < 3; i++) {
            history.add(new HistoryEntry(Instant.parse("2026-12-07T02:00:00Z").plusSeconds(i), "local",
                    "SELECT location, day, pm25_mean, pm25_min, pm25_max, samples FROM aqdata.pm25 WHERE location = "
                            + "'Hyderabad US Consulate, India' AND year = 2025 AND day >= '2025-03-0" + (i + 1) + "'",
                    "SELECT", "ok", 9, 12));
        }
        window = new MainWindow(new ConsoleSettings(data, "local", false, "stack"),
                new FakeStackGateway().foreignSupervisor(FakeStackGateway.OWN_PID)
                        .status(StackStates.running(FakeStackGateway.OWN_PID, 1))
                        .foreignHistory(List.of(
                                StackStates.event("redis", Phase.READY, "ready (pid 3077, 8 MiB resident)"),
                                StackStates.event("kafka", Phase.READY, "ready (pid 3685, 207 MiB resident)"),
                                StackStates.event("cassandra-1", Phase.READY, "ready (pid 3073, 939 MiB resident)"))),
                executor, new FakeDialogService());
        trends.preset(List.of("Aotizhongxin", "Delhi", FakeTrendsGateway.HYDERABAD, "New Delhi US Embassy"),
                FakeTrendsGateway.FIRST, FakeTrendsGateway.FIRST.plusDays(8));
        ControllerFactory controllers = ClusterView.register(window.controllers(), cluster)
                .register(StreamsView.class, () -> new StreamsView(streams))
                .register(TrendsView.class, () -> new TrendsView(trends, executor));
        root = Fxml.load("/fxml/shell/ShellView.fxml", controllers);
        cluster.activate();
        streams.activate();
        trends.activate();
    }

    /** The shell in a scene of this size, themed as the console's. */
    private void sceneOf(double width, double height) {
        if (scene != null) {
            scene.setRoot(new Group());
        }
        scene = new Scene(root, width, height);
        MainWindow.applyTheme(scene, window.shell().themeProperty().get());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(cluster::deactivate);
        robot.interact(streams::deactivate);
        executor.shutdown();
        window.close();
        TempFolders.deleteQuietly(data);
    }

    @Test
    void everyPageFitsTheMinimumWindowAndAFullHdOne(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cluster.loadedProperty().get());
        robot.interact(() -> {
            cluster.rows().setPageSize(25); // rows enough to fill the table; more only cost layout time
            cluster.schema().select(new SchemaSelection("datasets", "dataset_chunk"));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !cluster.rows().rows().isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> streams.topicsShownProperty().get());
        robot.interact(() -> {
            streams.messages().topicProperty().set("pm25-readings");
            streams.messages().partitionProperty().set("0");
            streams.messages().browseNewest();
        });
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !streams.messages().results().isEmpty());
        } catch (TimeoutException e) {
            throw new AssertionError("no messages: " + streams.messages().statusProperty().get(), e);
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !trends.trends().isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !streams.tail().isEmpty());

        List<String> problems = new ArrayList<>();
        for (double[] size : new double[][] {{MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT}, {1920, 1080}}) {
            robot.interact(() -> sceneOf(size[0], size[1]));
            for (Page page : window.shell().pages()) {
                robot.interact(() -> {
                    window.shell().select(page.id());
                    root.applyCss();
                    root.layout();
                });
                WaitForAsyncUtils.waitForFxEvents(); // what the new skins hand to runLater (table headers)
                if (showTopics(robot)) {
                    WaitForAsyncUtils.waitForFxEvents(); // the topic columns sized to what the rows show
                }
                if (showServers(robot)) {
                    WaitForAsyncUtils.waitForFxEvents(); // the server columns sized to what the rows show
                }
                robot.interact(() -> {
                    root.applyCss();
                    root.layout();
                    assertEquals(size[0], root.getLayoutBounds().getWidth(), 1, "shell width");
                    String where = page.id() + " at " + (int) size[0] + "x" + (int) size[1] + ": ";
                    List<String> found = new ArrayList<>(LayoutProblems.of(root).stream()
                            .map(problem -> where + problem).toList());
                    List<String> atTheEdge = atTheRightEdge(size[0]).stream().map(problem -> where + problem).toList();
                    if (EDGE_PRINTED_ONLY.contains(page.id())) {
                        atTheEdge.forEach(System.out::println);
                    } else {
                        found.addAll(atTheEdge);
                    }
                    if (root.lookup("#topicTable") instanceof TableView<?> topics && topics.isVisible()
                            && scrollsSideways(topics)) {
                        found.add(where + "the topic table scrolls sideways");
                    }
                    if (root.lookup("#topicTable") instanceof TableView<?> topics && topics.isVisible()) {
                        cutTopicNames(topics).forEach(name -> found.add(where + "topic name cut: " + name));
                    }
                    if (root.lookup("#chart") instanceof TrendChart chart && shown(chart, root)) {
                        chartProblems(chart).forEach(problem -> found.add(where + problem));
                    }
                    if (PRINTED_ONLY.contains(page.id())) {
                        found.forEach(System.out::println);
                    } else {
                        problems.addAll(found);
                    }
                    savePng(page.id() + "-" + (int) size[0] + "x" + (int) size[1]);
                });
                // every tab of the page, not only the one it opens on (toolbars differ per tab)
                List<TabPane> tabPanes = new ArrayList<>();
                robot.interact(() -> root.lookupAll(".tab-pane").stream().filter(TabPane.class::isInstance)
                        .map(TabPane.class::cast).filter(Node::isVisible).forEach(tabPanes::add));
                for (TabPane tabs : tabPanes) {
                    for (int i = 1; i < tabs.getTabs().size(); i++) {
                        int index = i;
                        robot.interact(() -> {
                            tabs.getSelectionModel().select(index);
                            root.applyCss();
                            root.layout();
                        });
                        WaitForAsyncUtils.waitForFxEvents();
                        // a tab that builds its content a piece per pulse (the Cluster page's Nodes tab) is checked built
                        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                                () -> WaitForAsyncUtils.asyncFx(StepsPerPulse::running).get() == 0);
                        // this scene has no pulses: a piece the last steps put in the scene gets its skin here,
                        // and what that skin hands to runLater (the node table's header widths) runs after it
                        robot.interact(() -> {
                            root.applyCss();
                            root.layout();
                        });
                        WaitForAsyncUtils.waitForFxEvents();
                        robot.interact(() -> {
                            root.applyCss();
                            root.layout();
                            String where = page.id() + " (tab " + tabs.getTabs().get(index).getText() + ") at "
                                    + (int) size[0] + "x" + (int) size[1] + ": ";
                            LayoutProblems.of(root).stream().map(problem -> where + problem).forEach(problems::add);
                            // the Streams message tables size their columns to content, the value taking the rest
                            String tab = tabs.getTabs().get(index).getText();
                            String id = tab.equals("Messages") ? "resultTable" : tab.equals("Live tail") ? "tailTable" : "";
                            if (!id.isEmpty() && root.lookup("#" + id) instanceof TableView<?> table
                                    && !table.getItems().isEmpty() && scrollsSideways(table)) {
                                problems.add(where + "the " + id + " scrolls sideways");
                            }
                            savePng(page.id() + "-" + tabs.getTabs().get(index).getText().replace(' ', '-')
                                    + "-" + (int) size[0] + "x" + (int) size[1]);
                        });
                    }
                    robot.interact(() -> tabs.getSelectionModel().select(0));
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * Gives the Streams topic table its topics and lays it out, when it is shown: the table holds
     * empty rows until the pulse after its first layout ({@code PreparedTableRows}), and a scene
     * outside a window has no pulses. Returns whether it did.
     */
    @SuppressWarnings("unchecked")
    private boolean showTopics(FxRobot robot) {
        boolean[] shown = {false};
        robot.interact(() -> {
            if (root.lookup("#topicTable") instanceof TableView<?> table && table.getItems() != streams.shownTopics()) {
                ((TableView<TopicInfo>) table).setItems(streams.shownTopics());
                root.applyCss();
                root.layout();
                shown[0] = true;
            }
        });
        return shown[0];
    }

    /**
     * The controls of the page shown that reach the window's right edge: a page keeps a margin
     * there, and a control drawn up to it (or past it) has its border cut by the window's frame.
     */
    private List<String> atTheRightEdge(double width) {
        List<String> found = new ArrayList<>();
        Node pages = root.lookup("#pageArea");
        for (String kind : List.of(".text-field", ".list-view", ".table-view", ".button")) {
            for (Node node : pages.lookupAll(kind)) {
                if (node instanceof Control control && shown(control, pages) && control.getWidth() > 0
                        && control.localToScene(control.getLayoutBounds()).getMaxX() > width - 4) {
                    found.add("at the window's right edge: " + control.getClass().getSimpleName()
                            + (control.getId() == null ? "" : "#" + control.getId()));
                }
            }
        }
        return found;
    }

    /** Whether {@code node} and every parent up to {@code top} are visible. */
    private static boolean shown(Node node, Node top) {
        for (Node up = node; up != null && up != top; up = up.getParent()) {
            if (!up.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Waits for the Local stack page's rows to have their endpoints (read in the background) and
     * lays the table out, when it is shown: its columns are sized to the values after a layout.
     * Returns whether it did.
     */
    private boolean showServers(FxRobot robot) throws Exception {
        if (!WaitForAsyncUtils.asyncFx(() -> root.lookup("#servers") instanceof TableView<?> table
                && shown(table, root)).get()) {
            return false;
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                root.lookup("#servers") instanceof TableView<?> table && !table.getItems().isEmpty()
                        && table.getItems().stream().allMatch(row -> row instanceof ServerRow server
                        && !server.endpointProperty().get().isEmpty())).get());
        robot.interact(() -> {
            root.applyCss();
            root.layout();
        });
        return true;
    }

    /**
     * The topic names drawn cut, but for the one longer than any window's column: names of Ringside's
     * own length ("ringside.jobs.requests") were cut to ~100 px beside the widest badge at 1024 px.
     */
    private static List<String> cutTopicNames(TableView<?> topics) {
        List<String> cut = new ArrayList<>();
        for (Node node : topics.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> cell && !cell.isEmpty() && cell.getText() != null
                    && cell.getTableColumn() != null && "Topic".equals(cell.getTableColumn().getText())
                    && !cell.getText().equals(FakeStreamsGateway.LONG_TOPIC)) {
                String drawn = cell.getChildrenUnmodifiable().stream().filter(Text.class::isInstance)
                        .map(text -> ((Text) text).getText()).findFirst().orElse("");
                if (!drawn.equals(cell.getText())) {
                    cut.add("\"" + drawn + "\" of \"" + cell.getText() + "\" in " + (int) cell.getWidth() + " px");
                }
            }
        }
        return cut;
    }

    /**
     * The Trends chart with four locations compared: at least 300 px tall, and its series legend
     * shown with an entry per location. Squeezed by the summary at 1024x700 it was ~210 px and
     * hid its legend, so nothing said which line was which location.
     */
    private static List<String> chartProblems(TrendChart chart) {
        List<String> found = new ArrayList<>();
        if (chart.getHeight() < 300) {
            found.add("the trend chart is " + (int) chart.getHeight() + " px tall");
        }
        Node legend = chart.lookup(".chart-legend");
        if (legend == null || !legend.isVisible()) {
            found.add("the trend chart's series legend is hidden");
        } else if (legend.lookupAll(".chart-legend-item").size() != chart.getData().size()) {
            found.add("the trend chart's legend has " + legend.lookupAll(".chart-legend-item").size()
                    + " entries for " + chart.getData().size() + " series");
        }
        return found;
    }

    /** Whether the table shows its horizontal scroll bar: its columns are wider than it is. */
    private static boolean scrollsSideways(TableView<?> table) {
        return table.lookupAll(".scroll-bar").stream().anyMatch(bar -> bar instanceof ScrollBar scroll
                && scroll.getOrientation() == Orientation.HORIZONTAL && scroll.isVisible());
    }

    private void savePng(String name) {
        String folder = System.getProperty("ringside.layout.png");
        if (folder == null) {
            return;
        }
        try {
            Files.createDirectories(Path.of(folder));
            ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png",
                    Path.of(folder, name + ".png").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
