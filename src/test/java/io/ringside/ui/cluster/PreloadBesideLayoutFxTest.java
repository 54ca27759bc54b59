package io.ringside.ui.cluster;

import static io.ringside.ui.testing.OnFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import io.ringside.ui.testing.FakeClusterGateway;
import io.ringside.ui.testing.LayoutProblems;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import io.ringside.ui.util.GridClassPreload;
import io.ringside.ui.util.StepsPerPulse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The preloads ({@link NodesTabPreload}, {@link GridClassPreload}) make skins on a thread of their
 * own while the FX thread builds and lays out the page that started them. Some JavaFX state both
 * touch is shared and unguarded (the text-measuring node of the skins, the registry of CSS
 * pseudo-classes), so this runs them over and over beside the FX thread building and laying out the
 * Cluster page (a tree, a row grid, tabs, the Nodes tab's tables) for a few seconds: neither side
 * may fail, every page must lay out as it does alone (no text cut that is whole then), and each
 * pseudo-class must stay the one instance the stylesheets were matched with.
 */
@ExtendWith(ApplicationExtension.class)
class PreloadBesideLayoutFxTest {

    private static final Duration RUN = Duration.ofSeconds(5);
    private static final List<String> PSEUDO_CLASSES = List.of("selected", "focused", "hover", "filled", "empty",
            "expanded", "collapsed", "odd", "even", "last-visible", "armed", "disabled", "showing", "pressed");

    @Test
    void skinsMadeOffTheFxThreadLeaveItsLayoutAndStylesAsTheyWere() throws Exception {
        onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            return null;
        });
        Map<String, PseudoClass> pseudoClasses = onFx(() -> {
            Map<String, PseudoClass> known = new LinkedHashMap<>();
            PSEUDO_CLASSES.forEach(name -> known.put(name, PseudoClass.getPseudoClass(name)));
            return known;
        });
        List<String> alone = onFx(PreloadBesideLayoutFxTest::layOutAPage);

        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger preloads = new AtomicInteger();
        Thread preload = new Thread(() -> {
            while (!stop.get()) {
                try {
                    if (!NodesTabPreload.load() || !GridClassPreload.load()) {
                        failures.add(new AssertionError("a preload could not make its skins"));
                    }
                    preloads.incrementAndGet();
                } catch (RuntimeException | Error e) {
                    failures.add(e);
                }
            }
        }, "test-preload");
        Thread.UncaughtExceptionHandler fxHandler = onFx(() -> Thread.currentThread().getUncaughtExceptionHandler());
        onFx(() -> {
            Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> failures.add(e));
            return null;
        });
        int pages = 0;
        try {
            preload.start();
            long end = System.nanoTime() + RUN.toNanos();
            while (System.nanoTime() < end) {
                assertEquals(alone, onFx(PreloadBesideLayoutFxTest::layOutAPage), "page " + pages + " beside a preload");
                pages++;
            }
        } finally {
            stop.set(true);
            preload.join(10_000);
            onFx(() -> {
                Thread.currentThread().setUncaughtExceptionHandler(fxHandler);
                return null;
            });
        }

        assertTrue(failures.isEmpty(), failures.toString());
        assertTrue(pages > 2 && preloads.get() > 2, pages + " pages, " + preloads.get() + " preloads");
        for (Map.Entry<String, PseudoClass> known : pseudoClasses.entrySet()) {
            assertSame(known.getValue(), onFx(() -> PseudoClass.getPseudoClass(known.getKey())), known.getKey());
        }
        // the Nodes tabs' steps, left to the pulses, end before the next test waits for its own
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(StepsPerPulse::running) == 0);
    }

    /**
     * The Cluster page on a scripted gateway, styled and laid out at the minimum window, each tab in
     * turn; returns its layout problems. Out of a window: no pulse, the FX thread's own work only.
     */
    private static List<String> layOutAPage() {
        ClusterViewModel cluster = new ClusterViewModel(
                new FakeClusterGateway(FakeClusterGateway.DATASET_CHUNK).inTwoDatacenters(),
                new CurrentThreadTaskExecutor());
        Parent root = ClusterView.load(cluster);
        Scene scene = new Scene(root, 1024, 700);
        scene.getStylesheets().add(Styles.stylesheet(Styles.STYLESHEET));
        cluster.activate();
        cluster.schema().select(new SchemaSelection("datasets", "dataset_chunk"));
        root.applyCss();
        root.layout();
        List<String> problems = new CopyOnWriteArrayList<>(LayoutProblems.of(root));
        ((TabPane) root.lookup("#tabs")).getSelectionModel().select(1);
        root.applyCss();
        root.layout();
        problems.addAll(LayoutProblems.of(root));
        cluster.deactivate();
        return List.copyOf(problems);
    }
}
