package io.ringside.ui.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.ui.testing.FakeClusterGateway;
import io.ringside.ui.testing.FreshStage;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import io.ringside.ui.util.StepsPerPulse;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The order that made the two-node drill's node table keep showing a stopped node up: the driver
 * notices the node down, a health round reads its report before the next liveness poll, and only
 * then the poll. The report's replica banner names twelve keyspaces, tall enough to push the node's
 * row out of the table's view on the drill's screen (1200x800, the Nodes tab): the row, hidden for
 * reuse, kept the UN badge it had, and the drill, counting hidden rows' badges, read UN for as long
 * as it waited. The polls are run by hand, one at a time.
 */
@ExtendWith(ApplicationExtension.class)
class NodeDownRowFxTest {

    private final FakeClusterGateway gateway = new FakeClusterGateway();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final ClusterViewModel cluster = new ClusterViewModel(gateway, executor);
    private Stage stage;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aNodeAHealthReportSeesDownShowsDownWithTheBannerAndStaysSoAfterTheLivenessPoll(FxRobot robot)
            throws Exception {
        gateway.keyspacesWithAReplicaDown = 12;
        robot.interact(() -> {
            Scene scene = new Scene(ClusterView.load(cluster), 1200, 800);
            scene.getStylesheets().add(Styles.stylesheet(Styles.STYLESHEET));
            FreshStage.show(stage, scene);
            ((TabPane) scene.lookup("#tabs")).getSelectionModel().select(1);
            cluster.activate();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(StepsPerPulse::running) == 0);
        robot.interact(executor::runScheduled); // the first liveness poll
        @SuppressWarnings("unchecked")
        TreeTableView<NodeTreeRow> table = robot.lookup("#nodeTable").queryAs(TreeTableView.class);
        assertEquals(List.of("UN", "UN"), onFx(() -> RenderedNodeStates.of(table)));

        gateway.liveness.put(FakeClusterGateway.NODE_2, false);
        robot.interact(() -> cluster.nodes().refreshNow()); // a health round before the next liveness poll
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(onFx(() -> robot.lookup("#replicaBanner").query().isVisible()));
        assertEquals(List.of("UN", "DN"), onFx(() -> RenderedNodeStates.of(table)), "the row agrees with the banner");

        robot.interact(executor::runScheduled); // the liveness poll, which sees what the report saw
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("UN", "DN"), onFx(() -> RenderedNodeStates.of(table)));
        robot.interact(cluster::deactivate);
    }

    private static <T> T onFx(Callable<T> value) throws Exception {
        return WaitForAsyncUtils.asyncFx(value).get(5, TimeUnit.SECONDS);
    }
}
