package io.ringside.ui.cluster;

import com.datastax.oss.driver.api.core.CqlSession;
import io.ringside.core.cassandra.CassandraServices;
import io.ringside.ui.testing.FreshStage;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.util.UiTaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real Cluster screen on a real session, headless, for tests outside a TestFX test class
 * (the two-node drill): the Nodes tab open, the real executor and gateway.
 */
public final class ClusterScreen implements AutoCloseable {

    private final UiTaskExecutor executor = new UiTaskExecutor();
    private final WatchedClusterGateway gateway;
    private final ClusterViewModel viewModel;
    private final FxRobot robot = new FxRobot();

    private ClusterScreen(CqlSession session) {
        this.gateway = new WatchedClusterGateway(new CassandraClusterGateway(new CassandraServices(() -> session)));
        this.viewModel = new ClusterViewModel(gateway, executor);
    }

    public static ClusterScreen showNodes(CqlSession session) throws TimeoutException {
        ClusterScreen screen = new ClusterScreen(session);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Scene scene = new Scene(ClusterView.load(screen.viewModel), 1200, 800);
            scene.getStylesheets().add(Styles.stylesheet(Styles.STYLESHEET));
            // the primary stage is shared with earlier tests: one that sized it smaller would leave
            // room for a single node row once the replica banner shows
            FreshStage.show(stage, scene);
            ((TabPane) scene.lookup("#tabs")).getSelectionModel().select(1);
            screen.viewModel.activate();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> screen.viewModel.loadedProperty().get());
        return screen;
    }

    /** The state badges the node table draws on its node rows, top to bottom (see {@link RenderedNodeStates}). */
    public List<String> renderedStates() {
        return onFx(() -> RenderedNodeStates.of(nodeTable()));
    }

    /**
     * What the screen holds at this moment, for a failure message: the view-model's nodes, the
     * tree's rows, the badges shown and all badges (hidden rows' included), the table's height, the
     * banner and error; and, should the FX thread not answer within 5 s, what it and the workers
     * are doing.
     */
    public String describe() {
        CompletableFuture<String> state = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                state.complete(describeOnFx());
            } catch (RuntimeException e) {
                state.completeExceptionally(e);
            }
        });
        try {
            return state.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return "the FX thread did not answer within 5 s:\n" + threads();
        } catch (InterruptedException | ExecutionException e) {
            return "cannot describe the screen: " + e;
        }
    }

    private String describeOnFx() {
        NodesViewModel nodes = viewModel.nodes();
        TreeTableView<NodeTreeRow> table = nodeTable();
        List<String> tree = new ArrayList<>();
        for (int i = 0; i < table.getExpandedItemCount(); i++) {
            TreeItem<?> item = table.getTreeItem(i);
            tree.add(item == null ? "null" : item.getValue() instanceof NodeTreeRow row
                    ? row.label() + (row.node() == null ? "" : " " + row.node().state()) : String.valueOf(item.getValue()));
        }
        return "view-model " + nodes.nodes().stream().map(n -> n.address() + " " + n.state()).toList()
                + ", tree " + tree + ", badges in view " + badges(true) + ", all badges " + badges(false)
                + ", table height " + table.getHeight() + ", banner " + (nodes.bannerShownProperty().get()
                        ? robot.lookup("#replicaBanner").queryAs(javafx.scene.layout.Region.class).getHeight() + " px high"
                        : "hidden")
                + ", error '" + nodes.errorProperty().get() + "', " + gateway.summary();
    }

    /** The badges in the node table, top to bottom; {@code shownOnly} leaves out those of hidden rows. */
    private List<String> badges(boolean shownOnly) {
        return nodeTable().lookupAll(".badge").stream()
                .filter(badge -> badge instanceof Label && (!shownOnly || RenderedNodeStates.shown(badge)))
                .sorted((a, b) -> Double.compare(a.localToScene(0, 0).getY(), b.localToScene(0, 0).getY()))
                .map(badge -> ((Label) badge).getText())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private TreeTableView<NodeTreeRow> nodeTable() {
        return robot.lookup("#nodeTable").queryAs(TreeTableView.class);
    }

    private static String threads() {
        StringBuilder dump = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith("JavaFX Application") || thread.getName().startsWith("ringside-ui")
                    || thread.getName().startsWith("QuantumRenderer")) {
                dump.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
                for (StackTraceElement frame : stack) {
                    dump.append("    at ").append(frame).append('\n');
                }
            }
        });
        return dump.toString();
    }

    private static <T> T onFx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the FX thread did not answer: " + e, e);
        }
    }

    public boolean bannerShown() {
        return robot.lookup("#replicaBanner").query().isVisible();
    }

    public String bannerText() {
        return robot.lookup("#replicaBannerText").queryAs(Label.class).getText();
    }

    @Override
    public void close() throws TimeoutException {
        robot.interact(viewModel::deactivate);
        executor.shutdown();
        FxToolkit.cleanupStages();
    }
}
