package io.ringside.bench.ui;

import atlantafx.base.theme.PrimerLight;
import io.ringside.core.RingsideException;
import io.ringside.core.cassandra.CassandraServices;
import io.ringside.core.cassandra.NodeStatus;
import io.ringside.core.cassandra.RowPage;
import io.ringside.ui.app.JavaFxClassPathWarning;
import io.ringside.ui.cluster.CassandraClusterGateway;
import io.ringside.ui.cluster.ClusterView;
import io.ringside.ui.cluster.ClusterViewModel;
import io.ringside.ui.cluster.NodeSample;
import io.ringside.ui.cluster.NodesViewModel;
import io.ringside.ui.cluster.RowsViewModel;
import io.ringside.ui.cluster.SchemaSelection;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.util.SelectedTabContent;
import io.ringside.ui.util.StepsPerPulse;
import io.ringside.ui.util.UiTaskExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Measures the longest FX-thread pause on the real paths of the Cluster screen: the real view,
 * view-model, executor and gateway, paging through a large table page by page (each page scrolled
 * to its end), then opening the Nodes tab, keeping it shown across a few health refreshes, opening each of
 * the node's detail tabs for the first time, and
 * with it open while a node is stopped. Runs on a bench thread and
 * drives the FX thread only through {@code Platform.runLater}, as a user's clicks would.
 */
public final class ClusterUiBenchmark {

    /** Stops and starts one Cassandra node; blocking, called off the FX thread. */
    public interface NodeDrill {
        String address();

        void stop();

        void start();
    }

    /**
     * {@code idle}: the screen open and polling, nothing clicked (the machine's own noise floor);
     * {@code firstPage}: selecting the table until its first page is shown (cold code paths);
     * {@code browse}: every further page, each scrolled to its end; {@code nodesTab}: the Nodes tab
     * opened and then shown.
     */
    public record Figures(long rows, int pages, double browseSeconds, FxPulses idle, FxPulses firstPage, FxPulses browse,
                          NodesTabFigures nodesTab, Optional<NodeFigures> node) {
    }

    /**
     * {@code opened}: from selecting the Nodes tab (first time in the process) until its node table
     * and charts are in the scene and drawn; {@code shown}: the pulses after that, across
     * {@code refreshes} health refreshes with the selected node's details (each a new chart sample);
     * {@code detailTabs}: each of the node's detail tabs but the charts, opened for the first time in
     * turn, from selecting it until its table shows the node's rows.
     */
    public record NodesTabFigures(FxPulses opened, FxPulses shown, int refreshes, List<DetailTabFigures> detailTabs) {
    }

    /** One detail tab's first opening: its name and pulses. */
    public record DetailTabFigures(String tab, FxPulses opened) {
    }

    public record NodeFigures(FxPulses pauses, double shownAfterDriverMillis, double shownAfterStopMillis) {
    }

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration AFTER_DOWN = Duration.ofSeconds(6);
    private static final Duration IDLE = Duration.ofSeconds(5);

    private final CassandraServices services;
    private final Consumer<String> progress;

    public ClusterUiBenchmark(CassandraServices services, Consumer<String> progress) {
        this.services = services;
        this.progress = progress;
    }

    public Figures run(String keyspace, String table, int pageSize, int maxPages, int nodeRefreshes, NodeDrill drill) {
        startToolkit();
        UiTaskExecutor executor = new UiTaskExecutor();
        ClusterViewModel viewModel = new ClusterViewModel(new CassandraClusterGateway(services), executor);
        FxPauseMonitor monitor = new FxPauseMonitor();
        Stage stage = onFx(() -> {
            Stage window = show(ClusterView.load(viewModel), "Ringside bench cluster-ui");
            viewModel.activate();
            return window;
        });
        try {
            await("the Cluster screen to load", () -> onFx(() -> viewModel.loadedProperty().get()));
            onFx(() -> {
                monitor.start();
                return null;
            });
            long idleUntil = System.nanoTime() + IDLE.toNanos();
            await("the idle baseline", () -> System.nanoTime() > idleUntil);
            FxPulses idle = readAfterNextPulse(monitor);
            Figures browse = browse(viewModel, stage, monitor, keyspace, table, pageSize, maxPages);
            NodesTabFigures nodesTab = nodesTab(viewModel, stage, monitor, nodeRefreshes);
            Optional<NodeFigures> node = drill == null ? Optional.empty()
                    : Optional.of(stopNode(viewModel, stage, monitor, drill));
            return new Figures(browse.rows(), browse.pages(), browse.browseSeconds(), idle, browse.firstPage(),
                    browse.browse(), nodesTab, node);
        } finally {
            onFx(() -> {
                monitor.stop();
                viewModel.deactivate();
                stage.close();
                return null;
            });
            executor.shutdown();
        }
    }

    private Figures browse(ClusterViewModel viewModel, Stage stage, FxPauseMonitor monitor, String keyspace,
                           String table, int pageSize, int maxPages) {
        RowsViewModel rows = viewModel.rows();
        @SuppressWarnings("unchecked")
        TableView<RowPage.Row> grid = onFx(() -> (TableView<RowPage.Row>) stage.getScene().lookup("#rowTable"));
        long started = System.nanoTime();
        FxPulses firstPage = null;
        onFx(() -> {
            rows.setPageSize(pageSize);
            viewModel.schema().select(new SchemaSelection(keyspace, table));
            return null;
        });
        long browsed = 0;
        int pages = 0;
        while (true) {
            int expected = pages + 1;
            await("page " + expected, () -> onFx(() -> !rows.busyProperty().get()
                    && rows.pageNumberProperty().get() == expected && rows.errorProperty().get().isEmpty()));
            pages++;
            // an empty grid shows its first screenful over a few pulses (StagedRows): the page is
            // shown once the grid holds all of it, and those pulses are the first page's
            await("page " + expected + " in the grid", () -> onFx(() -> grid.getItems().size() == rows.rows().size()));
            if (pages == 1) {
                firstPage = readAfterNextPulse(monitor);
            }
            browsed += onFx(() -> {
                if (!grid.getItems().isEmpty()) {
                    grid.scrollTo(grid.getItems().size() - 1);
                }
                return grid.getItems().size();
            });
            if (pages % 20 == 0) {
                progress.accept("browsed " + browsed + " rows in " + pages + " pages");
            }
            boolean more = pages < maxPages && onFx(() -> {
                boolean next = rows.canNextProperty().get();
                if (next) {
                    rows.next();
                }
                return next;
            });
            if (!more) {
                break;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Figures(browsed, pages, seconds, null, firstPage, readAfterNextPulse(monitor), null,
                Optional.empty());
    }

    /**
     * Selects the Nodes tab and reads its opening once its node table and three charts are in the
     * scene (the charts holding the samples the poll took while the rows were browsed), then keeps it
     * shown until the health poll has brought {@code refreshes} more samples of the selected node.
     */
    private NodesTabFigures nodesTab(ClusterViewModel viewModel, Stage stage, FxPauseMonitor monitor, int refreshes) {
        NodesViewModel nodes = viewModel.nodes();
        AtomicInteger samplesTaken = new AtomicInteger();
        onFx(() -> {
            nodes.samples().addListener((ListChangeListener<NodeSample>) change -> samplesTaken.incrementAndGet());
            ((TabPane) stage.getScene().lookup("#tabs")).getSelectionModel().select(1);
            return null;
        });
        await("the Nodes tab's table and charts in the scene", () -> onFx(() -> Stream.of(
                        "#nodeTable", "#requestsChart", "#latencyChart", "#pendingChart")
                .map(stage.getScene()::lookup).allMatch(node -> node != null && node.getScene() != null)));
        FxPulses opened = readAfterNextPulse(monitor);
        int before = samplesTaken.get();
        progress.accept("Nodes tab shown, waiting for " + refreshes + " health refreshes");
        await(refreshes + " health refreshes", () -> samplesTaken.get() >= before + refreshes);
        FxPulses shown = readAfterNextPulse(monitor);
        List<DetailTabFigures> detailTabs = new ArrayList<>();
        for (String table : List.of("#poolTable", "#cacheTable", "#clientTable")) {
            String tab = onFx(() -> {
                TabPane details = (TabPane) stage.getScene().lookup("#detailTabs");
                Tab selected = details.getTabs().stream()
                        .filter(t -> SelectedTabContent.content(t).lookup(table) != null).findFirst().orElseThrow();
                details.getSelectionModel().select(selected);
                return selected.getText();
            });
            await("the " + tab + " tab's rows in the scene", () -> onFx(() -> stage.getScene().lookup(table)
                    instanceof TableView<?> shownTable && shownTable.lookup(".table-row-cell") != null
                    && StepsPerPulse.running() == 0));
            detailTabs.add(new DetailTabFigures(tab, readAfterNextPulse(monitor)));
        }
        return new NodesTabFigures(opened, shown, refreshes, detailTabs);
    }

    private NodeFigures stopNode(ClusterViewModel viewModel, Stage stage, FxPauseMonitor monitor, NodeDrill drill) {
        NodesViewModel nodes = viewModel.nodes();
        onFx(() -> {
            ((TabPane) stage.getScene().lookup("#tabs")).getSelectionModel().select(1);
            return null;
        });
        UUID hostId = await("node " + drill.address() + " in the node table", () -> onFx(() -> nodes.nodes().stream()
                .filter(n -> n.address().equals(drill.address())).map(NodeStatus::hostId).findFirst().orElse(null)));
        progress.accept("stopping the node at " + drill.address());
        long stopAsked = System.nanoTime();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(drill::stop);
        long driverSaw = await("the driver to mark " + drill.address() + " down", () ->
                Boolean.FALSE.equals(services.health().liveness().get(hostId)) ? System.nanoTime() : null);
        long shown = await("DN in the node table", () -> onFx(() -> nodes.nodes().stream()
                .anyMatch(n -> n.hostId().equals(hostId) && n.state().startsWith("D"))) ? System.nanoTime() : null);
        stopping.join();
        long settle = System.nanoTime() + AFTER_DOWN.toNanos();
        await("the node table to refresh with the node down", () -> System.nanoTime() > settle);
        FxPulses pauses = onFx(() -> FxPulses.of(monitor));
        progress.accept("starting the node at " + drill.address() + " again");
        drill.start();
        return new NodeFigures(pauses, (shown - driverSaw) / 1e6, (shown - stopAsked) / 1e6);
    }

    /**
     * Shows a screen in a window of its own, styled as the console is (AtlantaFX Primer Light under
     * the console's stylesheet, whose colours are looked up from it); call on the FX thread.
     */
    public static Stage show(Parent screen, String title) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Stage window = new Stage();
        Scene scene = new Scene(screen, 1200, 800);
        scene.getStylesheets().add(Styles.stylesheet(Styles.STYLESHEET));
        window.setScene(scene);
        window.setTitle(title);
        window.show();
        return window;
    }

    /** Starts the JavaFX toolkit unless it runs already; also for the other screens' benchmarks. */
    public static void startToolkit() {
        try {
            CompletableFuture<Void> started = new CompletableFuture<>();
            JavaFxClassPathWarning.silence();
            Platform.startup(() -> started.complete(null));
            started.get(30, TimeUnit.SECONDS);
        } catch (IllegalStateException alreadyRunning) {
            return;
        } catch (Exception e) {
            throw new RingsideException("Cannot start JavaFX: " + e.getMessage(), e);
        }
        Platform.setImplicitExit(false);
    }

    /**
     * A phase's figures once two more pulses have begun, then the next phase started where this one
     * ends; also for the other screens' benchmarks. The monitor reads the FX thread's CPU clock as a
     * pulse begins, so the CSS, layout and rendering of a change is counted at the second pulse
     * after it: read at once, a phase's rendering would be counted in the next one. The last pulse
     * stays the next phase's starting point, so every pulse belongs to exactly one phase.
     */
    static FxPulses readAfterNextPulse(FxPauseMonitor monitor) {
        long seen = onFx(monitor::pulses);
        await("the pulse that shows the phase's last change", () -> onFx(() -> monitor.pulses() >= seen + 2));
        return onFx(() -> {
            FxPulses pulses = FxPulses.of(monitor);
            monitor.nextPhase();
            return pulses;
        });
    }

    /** Runs {@code action} on the FX thread and waits for its result. */
    public static <T> T onFx(Callable<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new RingsideException("The FX thread did not answer: " + e, e);
        }
    }

    /** Polls every 10 ms until the value is non-null (or true); also for the other screens' benchmarks. */
    static <T> T await(String what, Callable<T> value) {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                T got = value.call();
                if (got != null && !Boolean.FALSE.equals(got)) {
                    return got;
                }
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RingsideException("Interrupted waiting for " + what, e);
            } catch (Exception e) {
                throw new RingsideException("Failed waiting for " + what + ": " + e.getMessage(), e);
            }
        }
        throw new RingsideException("Timed out after " + STEP_TIMEOUT.toSeconds() + " s waiting for " + what);
    }

    private static void await(String what, BooleanSupplier condition) {
        await(what, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }
}
