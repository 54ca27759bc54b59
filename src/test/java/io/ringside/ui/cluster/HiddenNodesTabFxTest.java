package io.ringside.ui.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.ui.testing.FakeClusterGateway;
import io.ringside.ui.testing.FreshStage;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import io.ringside.ui.util.SelectedTabContent;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless, scripted gateway, no servers: while the rows are browsed, the health poll's node
 * table, thread pools and charts stay out of the scene (a hidden tab's content is still styled and
 * laid out, which cost the FX thread 110-190 ms in one pulse); selecting the Nodes tab shows them
 * with what the poll brought meanwhile.
 */
@ExtendWith(ApplicationExtension.class)
class HiddenNodesTabFxTest {

    private final FakeClusterGateway gateway = new FakeClusterGateway();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final ClusterViewModel cluster = new ClusterViewModel(gateway, executor);
    private Stage stage;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theNodesTabJoinsTheSceneOnlyWhenSelected(FxRobot robot) throws Exception {
        TabPane[] tabs = new TabPane[1];
        robot.interact(() -> {
            Scene scene = new Scene(ClusterView.load(cluster), 1024, 700);
            scene.getStylesheets().add(Styles.stylesheet(Styles.STYLESHEET));
            FreshStage.show(stage, scene);
            tabs[0] = (TabPane) scene.lookup("#tabs");
            cluster.activate();
            cluster.nodes().select(FakeClusterGateway.NODE_1); // details and chart samples for the hidden tab
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node nodesContent = onFx(() -> SelectedTabContent.content(tabs[0].getTabs().get(1)));
        @SuppressWarnings("unchecked")
        TreeTableView<NodeTreeRow> nodeTable = (TreeTableView<NodeTreeRow>) onFx(() -> // a split pane without a skin has no children to look in
                ((SplitPane) nodesContent).getItems().get(0).lookup("#nodeTable"));
        TabPane detailTabs = (TabPane) onFx(() -> ((SplitPane) nodesContent).getItems().get(1).lookup("#detailTabs"));
        TableView<?> pools = (TableView<?>) onFx(() -> SelectedTabContent.content(detailTabs.getTabs().get(1)));

        assertEquals(2, onFx(cluster.nodes().nodes()::size), "the poll ran");
        assertNull(onFx(nodeTable::getScene), "the hidden Nodes tab's table is out of the scene");
        assertNull(onFx(nodeTable::getSkin), "and has made no rows");

        robot.interact(() -> tabs[0].getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();

        assertNotNull(onFx(nodeTable::getScene));
        assertSame(nodesContent, onFx(() -> tabs[0].getTabs().get(1).getContent()));
        assertEquals(3, onFx(nodeTable::getExpandedItemCount), "one data centre, two nodes, as the poll left them");
        assertNull(onFx(() -> tabs[0].getTabs().get(0).getContent()), "the Browser tab left the scene in turn");
        assertFalse(onFx(() -> pools.getScene() != null), "a detail tab not chosen stays out as well");
        assertTrue(onFx(() -> !pools.getItems().isEmpty()), "yet holds the pools the poll read");

        robot.interact(() -> tabs[0].getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(onFx(nodeTable::getScene));
        robot.interact(cluster::deactivate);
    }

    private static <T> T onFx(Callable<T> value) throws Exception {
        return WaitForAsyncUtils.asyncFx(value).get();
    }
}
