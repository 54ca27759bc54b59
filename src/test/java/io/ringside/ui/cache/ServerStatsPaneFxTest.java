package io.ringside.ui.cache;

import static io.ringside.ui.testing.OnFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ringside.core.redis.ClusterNode;
import io.ringside.ui.testing.FakeCacheGateway;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.testing.FreshStage;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.util.ControllerFactory;
import io.ringside.ui.util.Fxml;
import io.ringside.ui.util.UiTaskExecutor;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Server tab's CLUSTER NODES table (the pane alone), headless, over a gateway answering with a failed-over cluster. */
@ExtendWith(ApplicationExtension.class)
class ServerStatsPaneFxTest {

    private final UiTaskExecutor executor = new UiTaskExecutor();
    private final FakeCacheGateway gateway = new FakeCacheGateway();
    private Stage stage;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        executor.shutdown();
    }

    @Test
    void theClusterNodesTabShowsThePromotedReplicaAsMasterAndTheDeadOneAsFailed(FxRobot robot) throws TimeoutException {
        gateway.clusterNodes.add(ClusterNode.parse(String.join("\n",
                "a1 127.0.0.1:6380@16380 master,fail - 0 0 1 disconnected",
                "b2 127.0.0.1:6381@16381 myself,master - 0 0 2 connected 5461-10922",
                "d4 127.0.0.1:6383@16383 master - 0 0 7 connected 0-5460")));
        CacheViewModel viewModel = new CacheViewModel(gateway, executor, new FakeDialogService().answering(true),
                Clock.systemUTC());
        robot.interact(() -> {
            Scene scene = new Scene(Fxml.load("/fxml/cache/ServerStatsPane.fxml",
                    CacheView.register(new ControllerFactory(), viewModel)), 1200, 700);
            scene.getStylesheets().add(Styles.stylesheet(Styles.STYLESHEET));
            FreshStage.show(stage, scene);
            viewModel.server().start(ok -> { });
        });
        TableView<?> table = robot.lookup("#nodeTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> table.getItems().size()) == 3);
        assertEquals(List.of("127.0.0.1:6380", "master", "failed", "0"), onFx(() -> rowTexts(table, 0)));
        assertEquals(List.of("127.0.0.1:6383", "master", "ok", "5,461"), onFx(() -> rowTexts(table, 2)));
        assertEquals("Redis Cluster: 2 masters, 0 replicas, 1 not ok",
                onFx(robot.lookup("#nodesText").queryAs(Label.class)::getText));
        viewModel.server().stop();
        assertFalse(onFx(() -> table.getItems().isEmpty()));
    }

    private static List<String> rowTexts(TableView<?> table, int row) {
        return table.getColumns().subList(0, 4).stream().map(column -> String.valueOf(column.getCellData(row))).toList();
    }
}
