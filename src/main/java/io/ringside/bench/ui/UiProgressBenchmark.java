package io.ringside.bench.ui;

import io.ringside.core.jobs.JobKind;
import io.ringside.core.jobs.JobRequest;
import io.ringside.core.jobs.JobState;
import io.ringside.core.jobs.JobUnit;
import io.ringside.core.jobs.ProgressEvent;
import io.ringside.ui.jobs.JobRow;
import io.ringside.ui.jobs.JobsGateway;
import io.ringside.ui.jobs.JobsView;
import io.ringside.ui.jobs.JobsViewModel;
import io.ringside.ui.util.DialogService;
import io.ringside.ui.util.UiTaskExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.stage.Stage;
import org.HdrHistogram.Histogram;

/**
 * Drives the real Jobs screen (view, view-model, batcher, table with progress bars) with
 * synthetic jobs, each publishing progress at a fixed rate from producer threads as a feed's
 * thread would, and measures the lag from an event's production to the bar taking its value, and
 * the FX thread's longest pause meanwhile. Kafka's own share of the lag is what {@code bench
 * progress} measures; this one isolates the console's.
 */
public final class UiProgressBenchmark {

    /** Lag of the bars' value changes and FX pauses of the measured phase. */
    public record Figures(long produced, long barUpdates, double lagP50Millis, double lagP99Millis, double lagMaxMillis,
                          FxPulses pulses) {
    }

    private static final Duration WARM_UP = Duration.ofSeconds(3);

    private final Consumer<String> progress;

    public UiProgressBenchmark(Consumer<String> progress) {
        this.progress = progress;
    }

    public Figures run(int jobs, int eventsPerSecond, Duration measured) {
        ClusterUiBenchmark.startToolkit();
        UiTaskExecutor executor = new UiTaskExecutor();
        SyntheticJobs synthetic = new SyntheticJobs(jobs, eventsPerSecond, WARM_UP.plus(measured));
        JobsViewModel viewModel = new JobsViewModel(synthetic, executor, NO_DIALOGS);
        FxPauseMonitor monitor = new FxPauseMonitor();
        Histogram lag = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong updates = new AtomicLong();
        boolean[] measuring = new boolean[1];
        Stage stage = ClusterUiBenchmark.onFx(() -> {
            Stage window = ClusterUiBenchmark.show(JobsView.load(viewModel, Optional::empty), "Ringside bench ui-progress");
            viewModel.onBatch(rows -> {
                if (!measuring[0]) {
                    return;
                }
                long now = nowMicros();
                for (JobRow row : rows) {
                    long produced = row.latest().ts().getEpochSecond() * 1_000_000 + row.latest().ts().getNano() / 1000;
                    lag.recordValue(Math.max(0, Math.min(lag.getHighestTrackableValue(), now - produced)));
                    updates.incrementAndGet();
                }
            });
            viewModel.activate();
            return window;
        });
        try {
            progress.accept(String.format("%d jobs at %d events/s each; warming up for %d s", jobs, eventsPerSecond,
                    WARM_UP.toSeconds()));
            sleep(WARM_UP);
            ClusterUiBenchmark.onFx(() -> {
                measuring[0] = true;
                monitor.start();
                return null;
            });
            long producedBefore = synthetic.produced.get();
            progress.accept("measuring for " + measured.toSeconds() + " s");
            sleep(measured);
            long produced = synthetic.produced.get() - producedBefore;
            return ClusterUiBenchmark.onFx(() -> {
                monitor.stop();
                measuring[0] = false;
                return new Figures(produced, updates.get(), lag.getValueAtPercentile(50) / 1000.0,
                        lag.getValueAtPercentile(99) / 1000.0, lag.getMaxValue() / 1000.0, FxPulses.of(monitor));
            });
        } finally {
            synthetic.stop();
            ClusterUiBenchmark.onFx(() -> {
                viewModel.deactivate();
                stage.close();
                return null;
            });
            executor.shutdown();
        }
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final DialogService NO_DIALOGS = (title, message, confirm) -> false;

    /** A feed of jobs whose events are made on two producer threads at a fixed rate per job. */
    private static final class SyntheticJobs implements JobsGateway {

        private final int jobs;
        private final int eventsPerSecond;
        private final long total;
        private final AtomicLong produced = new AtomicLong();
        private final ScheduledExecutorService producers = Executors.newScheduledThreadPool(2, r -> {
            Thread thread = new Thread(r, "ringside-bench-producer");
            thread.setDaemon(true);
            return thread;
        });

        SyntheticJobs(int jobs, int eventsPerSecond, Duration length) {
            this.jobs = jobs;
            this.eventsPerSecond = eventsPerSecond;
            this.total = (length.toSeconds() + 5) * eventsPerSecond;
        }

        @Override
        public Feed follow(Instant since, Consumer<ProgressEvent> listener) {
            long periodMicros = 1_000_000L / eventsPerSecond;
            for (int j = 0; j < jobs; j++) {
                UUID job = UUID.randomUUID();
                long[] seq = {0};
                producers.scheduleAtFixedRate(() -> {
                    long s = seq[0]++;
                    produced.incrementAndGet();
                    listener.accept(new ProgressEvent(job, s, Instant.now(), JobKind.LOAD_DATASET,
                            List.of("/bench/synthetic-" + job + ".bin"), "bench", JobState.RUNNING, "write", JobUnit.BYTES,
                            s * 65_536, total * 65_536, 65_536.0 * eventsPerSecond, (double) (total - s) / eventsPerSecond,
                            0, List.of(), 2.0, 9.0, ""));
                }, j * periodMicros / jobs, periodMicros, TimeUnit.MICROSECONDS);
            }
            return new Feed() {
                @Override
                public Exception failure() {
                    return null;
                }

                @Override
                public void close() {
                    stop();
                }
            };
        }

        void stop() {
            producers.shutdownNow();
        }

        @Override
        public boolean feedReachable() {
            return true;
        }

        @Override
        public JobRequest request(JobKind kind, List<String> source, Map<String, String> options) {
            throw new UnsupportedOperationException("the benchmark submits nothing");
        }

        @Override
        public void submit(JobRequest request) {
            throw new UnsupportedOperationException("the benchmark submits nothing");
        }

        @Override
        public void cancel(UUID jobId) {
            throw new UnsupportedOperationException("the benchmark cancels nothing");
        }

        @Override
        public Optional<JobRequest> requestOf(UUID jobId) {
            return Optional.empty();
        }

        @Override
        public void audit(String action, String target, String outcome) {
        }
    }
}
