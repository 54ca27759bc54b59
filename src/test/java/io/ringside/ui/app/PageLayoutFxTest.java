package io.ringside.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.kafka.TopicInfo;
import io.ringside.testing.TempFolders;
import io.ringside.ui.cluster.ClusterView;
import io.ringside.ui.cluster.ClusterViewModel;
import io.ringside.ui.cluster.SchemaSelection;
import io.ringside.ui.settings.ConsoleSettings;
import io.ringside.ui.shell.Page;
import io.ringside.ui.streams.StreamsView;
import io.ringside.ui.streams.StreamsViewModel;
import io.ringside.ui.testing.FakeClusterGateway;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.testing.FakeStackGateway;
import io.ringside.ui.testing.FakeStreamsGateway;
import io.ringside.ui.testing.LayoutProblems;
import io.ringside.ui.util.ControllerFactory;
import io.ringside.ui.util.Fxml;
import io.ringside.ui.util.StepsPerPulse;
import io.ringside.ui.util.UiTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
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
 * tooltip, but no other cell, and the table does not scroll sideways); the other pages show what
 * they show with no servers running.
 *
 * <p>With {@code -Dringside.layout.png=DIR} it also writes each page's PNG there, to look at.
 */
@ExtendWith(ApplicationExtension.class)
class PageLayoutFxTest {

    /**
     * Pages whose toolbars and tables are being rebuilt at the same time as this test was written:
     * their problems are printed, not failed on. Empty this set once that work has landed.
     */
    static final Set<String> PRINTED_ONLY = Set.of();

    private final UiTaskExecutor executor = new UiTaskExecutor();
    private final Path data = TempFolders.create("ringside-layout-test");
    private final ClusterViewModel cluster = new ClusterViewModel(
            new FakeClusterGateway(FakeClusterGateway.DATASET_CHUNK).inTwoDatacenters(), executor);
    private final StreamsViewModel streams = new StreamsViewModel(new FakeStreamsGateway(), executor);
    private MainWindow window;
    private Parent root;
    /** Not in a window: the headless screen is smaller than full HD, and layout needs none. */
    private Scene scene;

    @Start
    void buildShell(Stage stage) {
        window = new MainWindow(new ConsoleSettings(data, "local", false, "stack"), new FakeStackGateway(), executor,
                new FakeDialogService());
        ControllerFactory controllers = ClusterView.register(window.controllers(), cluster)
                .register(StreamsView.class, () -> new StreamsView(streams));
        root = Fxml.load("/fxml/shell/ShellView.fxml", controllers);
        cluster.activate();
        streams.activate();
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
    void everyPageFitsTheMinimumWindowAndAFullHdOne(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cluster.loadedProperty().get());
        robot.interact(() -> {
            cluster.rows().setPageSize(25); // rows enough to fill the table; more only cost layout time
            cluster.schema().select(new SchemaSelection("datasets", "dataset_chunk"));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !cluster.rows().rows().isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> streams.topicsShownProperty().get());

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
                robot.interact(() -> {
                    root.applyCss();
                    root.layout();
                    assertEquals(size[0], root.getLayoutBounds().getWidth(), 1, "shell width");
                    String where = page.id() + " at " + (int) size[0] + "x" + (int) size[1] + ": ";
                    List<String> found = new ArrayList<>(LayoutProblems.of(root).stream()
                            .map(problem -> where + problem).toList());
                    if (root.lookup("#topicTable") instanceof TableView<?> topics && topics.isVisible()
                            && scrollsSideways(topics)) {
                        found.add(where + "the topic table scrolls sideways");
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
