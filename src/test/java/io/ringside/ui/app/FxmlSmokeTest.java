package io.ringside.ui.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.ringside.ui.cluster.ClusterView;
import io.ringside.ui.cluster.ClusterViewModel;
import io.ringside.ui.settings.ConsoleSettings;
import io.ringside.ui.testing.FakeClusterGateway;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.testing.FakeStackGateway;
import io.ringside.ui.util.ControllerFactory;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import io.ringside.ui.util.Fxml;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Parent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** Every FXML file loads with the console's controller factory: no typo in a controller or an fx:id. */
@ExtendWith(ApplicationExtension.class)
class FxmlSmokeTest {

    @TestFactory
    Stream<DynamicTest> everyFxmlFileLoads() throws IOException, URISyntaxException {
        URL folder = FxmlSmokeTest.class.getResource("/fxml");
        assertNotNull(folder, "no /fxml resource folder on the classpath");
        Path root = Path.of(folder.toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(path -> path.toString().endsWith(".fxml")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no FXML files under " + root);
        FxRobot robot = new FxRobot();
        return files.stream().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), () -> {
            Parent[] loaded = new Parent[1];
            robot.interact(() -> loaded[0] = Fxml.load(file.toUri().toURL(), controllers()));
            assertNotNull(loaded[0]);
        }));
    }

    private static ControllerFactory controllers() {
        ConsoleSettings settings = new ConsoleSettings(Path.of("ringside-test-data"), "local", false);
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        ClusterViewModel cluster = new ClusterViewModel(new FakeClusterGateway(), executor);
        return ClusterView.register(new MainWindow(settings, new FakeStackGateway(), executor,
                new FakeDialogService()).controllers(), cluster);
    }
}
