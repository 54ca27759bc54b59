package io.ringside.ui.cluster;

import com.datastax.oss.driver.api.core.CqlSession;
import io.ringside.core.cassandra.CassandraServices;
import io.ringside.ui.testing.FreshStage;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.util.UiTaskExecutor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real Cluster screen on a real session, headless, for tests outside a TestFX test class
 * (the two-node drill): the Nodes tab open, the real executor and gateway.
 */
public final class ClusterScreen implements AutoCloseable {

    private final UiTaskExecutor executor = new UiTaskExecutor();
    private final ClusterViewModel viewModel;
    private final FxRobot robot = new FxRobot();

    private ClusterScreen(CqlSession session) {
        this.viewModel = new ClusterViewModel(new CassandraClusterGateway(new CassandraServices(() -> session)), executor);
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

    /** The state badges the node table renders, top to bottom. */
    public List<String> renderedStates() {
        return robot.lookup("#nodeTable .badge").queryAllAs(Label.class).stream()
                .sorted((a, b) -> Double.compare(a.localToScene(0, 0).getY(), b.localToScene(0, 0).getY()))
                .map(Label::getText)
                .toList();
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
