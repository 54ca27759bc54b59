package io.ringside.bench.ui;

import static io.ringside.bench.ui.ClusterUiBenchmark.await;
import static io.ringside.bench.ui.ClusterUiBenchmark.onFx;
import static io.ringside.bench.ui.ClusterUiBenchmark.readAfterNextPulse;

import io.ringside.core.cql.CqlWorkbench;
import io.ringside.ui.cql.CqlView;
import io.ringside.ui.cql.CqlViewModel;
import io.ringside.ui.util.UiTaskExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * The FX thread's work on the CQL page while a {@code SELECT} streams its rows in: the real page,
 * view-model, executor and workbench, the statement run as a click on Run would, then page after
 * page fetched (each scrolled to its end) until {@code rows} rows are shown, then the statement
 * run again while its rows are shown. Drives the FX thread only through {@code Platform.runLater}.
 */
public final class CqlUiBenchmark {

    /**
     * {@code opened}: from the page shown to its history and snippets laid out (not judged, like
     * the Messages tab's opening); {@code firstPage}: from Run to the first page shown (cold code
     * paths); {@code appended}: every further page appended; {@code rerun}: the same statement run
     * again over the rows shown.
     */
    public record Figures(int rows, int pages, double seconds, FxPulses opened, FxPulses firstPage, FxPulses appended,
                          FxPulses rerun) {
    }

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);
    private static final int RERUNS = 5;

    private final CqlWorkbench workbench;
    private final Path dataFolder;
    private final Consumer<String> progress;

    public CqlUiBenchmark(CqlWorkbench workbench, Path dataFolder, Consumer<String> progress) {
        this.workbench = workbench;
        this.dataFolder = dataFolder;
        this.progress = progress;
    }

    public Figures run(String select, int rows) {
        ClusterUiBenchmark.startToolkit();
        UiTaskExecutor executor = new UiTaskExecutor();
        CqlViewModel viewModel = new CqlViewModel(() -> workbench, dataFolder, () -> "bench", executor);
        FxPauseMonitor monitor = new FxPauseMonitor();
        Stage stage = onFx(() -> {
            Stage window = ClusterUiBenchmark.show(CqlView.load(viewModel), "Ringside bench cql-ui");
            viewModel.activate();
            return window;
        });
        try {
            @SuppressWarnings("unchecked")
            TableView<Object> grid = onFx(() -> (TableView<Object>) stage.getScene().lookup(".row-table"));
            onFx(() -> {
                monitor.start();
                return null;
            });
            // Run once the page is open, as an operator would: run at once, the history list's first
            // layout (an opening pulse, not the result's) fell in the first page's phase or not by a
            // race with the history's load
            await("the page to load", () -> onFx(() -> viewModel.loadedProperty().get()));
            FxPulses opened = readAfterNextPulse(monitor);
            onFx(() -> {
                viewModel.runScript(select);
                return null;
            });
            long started = System.nanoTime();
            await("the first page", () -> onFx(() -> !viewModel.runningProperty().get() && !viewModel.rows().isEmpty()));
            // an empty grid shows its first screenful over a few pulses (StagedRows): those are the first page's
            await("the first page in the grid", () -> onFx(() -> grid.getItems().size() == viewModel.rows().size()));
            FxPulses firstPage = readAfterNextPulse(monitor);
            int pages = 1;
            while (onFx(() -> viewModel.rows().size() < rows && viewModel.hasMoreProperty().get())) {
                int shown = onFx(() -> {
                    grid.scrollTo(grid.getItems().size() - 1);
                    viewModel.fetchNextPage();
                    return viewModel.rows().size();
                });
                await("page " + (pages + 1), () -> onFx(() -> !viewModel.runningProperty().get()
                        && viewModel.rows().size() > shown));
                pages++;
                if (pages % 10 == 0) {
                    progress.accept(onFx(() -> viewModel.rows().size()) + " rows shown in " + pages + " pages");
                }
            }
            onFx(() -> {
                grid.scrollTo(grid.getItems().size() - 1);
                return null;
            });
            double seconds = (System.nanoTime() - started) / 1e9;
            int shownRows = onFx(() -> viewModel.rows().size());
            FxPulses appended = readAfterNextPulse(monitor);
            for (int i = 0; i < RERUNS; i++) {
                onFx(() -> {
                    viewModel.runScript(select);
                    return null;
                });
                await("run " + (i + 2), () -> onFx(() -> !viewModel.runningProperty().get()));
            }
            FxPulses rerun = readAfterNextPulse(monitor);
            return new Figures(shownRows, pages, seconds, opened, firstPage, appended, rerun);
        } finally {
            onFx(() -> {
                monitor.stop();
                stage.close();
                return null;
            });
            executor.shutdown();
        }
    }
}
