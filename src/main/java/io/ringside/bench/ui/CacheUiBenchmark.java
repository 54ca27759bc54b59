package io.ringside.bench.ui;

import io.ringside.bench.KeyListingBenchmark;
import io.ringside.core.RingsideException;
import io.ringside.core.redis.RedisServices;
import io.ringside.ui.cache.CacheView;
import io.ringside.ui.cache.CacheViewModel;
import io.ringside.ui.cache.KeyBrowserViewModel;
import io.ringside.ui.cache.RedisCacheGateway;
import io.ringside.ui.util.DialogService;
import io.ringside.ui.util.UiTaskExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import javafx.stage.Stage;

/**
 * Opens the real Cache page (FXML, view-models, batcher, virtualized table, server panel polling)
 * on a Redis database and, once the page has been drawn, lets its first listing fill the table,
 * as an operator opening the page would, while {@link FxPauseMonitor} records the FX thread's pulses; then reads the process's
 * RSS with every row still held.
 */
public final class CacheUiBenchmark {

    /**
     * One listing filling the table: how long it took and the FX thread's pulses meanwhile.
     *
     * @param longestPauseAfterStartMillis the longest pause after the listing's first {@link #LISTING_START}
     */
    public record Fill(long rows, double fillMillis, FxPulses pulses, double longestPauseAfterStartMillis) {
    }

    /** How long a listing's start (first rows, scan threads and code warming up) is reported apart from the rest. */
    public static final Duration LISTING_START = Duration.ofSeconds(1);

    /**
     * What the operator would feel: the longest pause while the page opens (FXML, first layout, the
     * key table's rows made), the first listing after the page opened (cold: the table's
     * rows and cells are created, the code is not yet compiled), a second listing of the same keys
     * (Scan pressed again), and the memory held with every row of the second listing in the table.
     */
    public record Figures(double openPauseMillis, Fill first, Fill again, long rssBytes, long heapUsedBytes) {
    }

    /** Rows the page keeps at most; a bigger keyspace fills it to this. */
    public static final long MAX_ROWS = KeyBrowserViewModel.MAX_ROWS;

    /** The page's opening (cold code, first layout and CSS pass) is measured apart from the listings. */
    private static final Duration WARM_UP = Duration.ofSeconds(2);

    private static final DialogService NO_DIALOGS = (title, message, confirm) -> false;

    private final Consumer<String> progress;

    public CacheUiBenchmark(Consumer<String> progress) {
        this.progress = progress;
    }

    /** {@code services} over the seeded database, read-only, so that nothing can change a key. */
    public Figures run(RedisServices services, long expectedRows, Duration timeout) {
        ClusterUiBenchmark.startToolkit();
        UiTaskExecutor executor = new UiTaskExecutor();
        CacheViewModel viewModel = new CacheViewModel(new RedisCacheGateway(services), executor, NO_DIALOGS,
                Clock.systemUTC());
        FxPauseMonitor opening = new FxPauseMonitor();
        ClusterUiBenchmark.onFx(() -> {
            opening.start();
            return null;
        });
        Stage stage = ClusterUiBenchmark.onFx(
                () -> ClusterUiBenchmark.show(CacheView.load(viewModel), "Ringside bench keys (Cache page)"));
        try {
            Thread.sleep(WARM_UP.toMillis());
            double openPause = ClusterUiBenchmark.onFx(() -> {
                opening.stop();
                return opening.longestPauseMillis();
            });
            Fill first = fill(viewModel, expectedRows, timeout, viewModel::activate);
            Fill again = fill(viewModel, expectedRows, timeout, () -> viewModel.keys().scan());
            return ClusterUiBenchmark.onFx(() -> {
                Runtime runtime = Runtime.getRuntime();
                return new Figures(openPause, first, again, KeyListingBenchmark.rssBytes(), runtime.totalMemory() - runtime.freeMemory());
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RingsideException("Interrupted while the Cache page listed keys");
        } finally {
            ClusterUiBenchmark.onFx(() -> {
                viewModel.deactivate();
                viewModel.keys().stop();
                stage.close();
                return null;
            });
            executor.shutdown();
        }
    }

    /** Starts a listing with {@code start} (on the FX thread) and records the pulses until it is done. */
    private Fill fill(CacheViewModel viewModel, long expectedRows, Duration timeout, Runnable start)
            throws InterruptedException {
        FxPauseMonitor monitor = new FxPauseMonitor();
        long[] startedAt = new long[1];
        ClusterUiBenchmark.onFx(() -> {
            monitor.start();
            startedAt[0] = System.nanoTime();
            start.run();
            return null;
        });
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastReport = 0;
        while (true) {
            Object[] state = ClusterUiBenchmark.onFx(() -> new Object[] {viewModel.keys().stateProperty().get(),
                viewModel.keys().rows().size()});
            int rows = (Integer) state[1];
            if (state[0] == KeyBrowserViewModel.ScanState.DONE) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new RingsideException("The Cache page listed " + rows + " of " + expectedRows
                        + " keys within " + timeout.toSeconds() + " s");
            }
            if (rows - lastReport >= 200_000) {
                lastReport = rows;
                progress.accept("Cache page: " + rows + " rows");
            }
            Thread.sleep(250);
        }
        long ended = System.nanoTime();
        Fill fill = ClusterUiBenchmark.onFx(() -> {
            monitor.stop();
            return new Fill(viewModel.keys().rows().size(), (ended - startedAt[0]) / 1e6, FxPulses.of(monitor),
                    monitor.longestPauseMillisAfter(LISTING_START));
        });
        if (fill.rows() != expectedRows) {
            throw new RingsideException("The Cache page listed " + fill.rows() + " keys, expected " + expectedRows);
        }
        return fill;
    }
}
