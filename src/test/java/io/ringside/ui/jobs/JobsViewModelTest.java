package io.ringside.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.jobs.JobKind;
import io.ringside.core.jobs.JobOptions;
import io.ringside.core.jobs.JobRequest;
import io.ringside.core.jobs.JobState;
import io.ringside.core.jobs.JobUnit;
import io.ringside.core.jobs.ProgressEvent;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.testing.FakeJobsGateway;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.Cancellable;
import io.ringside.ui.util.CurrentThreadTaskExecutor;
import io.ringside.ui.util.TaskExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.scene.control.ProgressIndicator;
import org.junit.jupiter.api.Test;

class JobsViewModelTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final FakeJobsGateway gateway = new FakeJobsGateway();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final FakeDialogService dialogs = new FakeDialogService();

    private JobsViewModel viewModel(TaskExecutor on) {
        return new JobsViewModel(gateway, on, dialogs, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static ProgressEvent event(UUID job, long seq, JobState state, long done, long total) {
        return new ProgressEvent(job, seq, NOW.plusSeconds(seq), JobKind.LOAD_PM25, List.of("/data/beijing.csv"), "alice",
                state, "writing", JobUnit.ROWS, done, total, 1200.0, 8.0, 3, List.of("beijing.csv:17: bad date"), 1.5,
                9.0, state == JobState.FAILED ? "too many rejected rows\nsee rejected" : "");
    }

    @Test
    void replaysTheLastDayAndFoldsEventsIntoOneRowPerJobIgnoringOlderOnes() {
        JobsViewModel vm = viewModel(executor);
        vm.activate();
        assertEquals(NOW.minus(Duration.ofHours(24)), gateway.followedSince);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        gateway.emit(event(a, 0, JobState.QUEUED, 0, 0));
        gateway.emit(event(a, 2, JobState.RUNNING, 500, 1000));
        gateway.emit(event(a, 1, JobState.RUNNING, 100, 1000));
        gateway.emit(event(b, 5, JobState.RUNNING, 10, 40));

        assertEquals(2, vm.rows().size());
        assertEquals(b, vm.rows().get(0).jobId(), "newest job first");
        JobRow row = vm.row(a);
        assertEquals(0.5, row.progressProperty().get(), 1e-9);
        assertEquals("500 / 1,000 rows", row.amountProperty().get());
        assertEquals("1,200/s", row.rateProperty().get(), "the unit is in the Done column next to it");
        assertEquals("1,200 rows/s", row.rateExact(), "on hover");
        assertEquals("8s left", row.etaProperty().get());
        assertEquals("3", row.errorsProperty().get());
        assertEquals("alice", row.requestedBy());
        assertEquals(List.of(0L, 2L), row.timeline().stream().map(ProgressEvent::seq).toList());
        assertTrue(vm.feedOnlineProperty().get());
        assertTrue(vm.loadedProperty().get());
    }

    @Test
    void aPm25LoadOfTheBuiltInSampleSaysSoAsItsSource() {
        JobsViewModel vm = viewModel(executor);
        vm.activate();
        UUID sample = UUID.randomUUID();
        UUID file = UUID.randomUUID();
        gateway.emit(new ProgressEvent(sample, 0, NOW, JobKind.LOAD_PM25, List.of(), "alice", JobState.QUEUED, "queued",
                JobUnit.ROWS, 0, 0, null, null, 0, List.of(), null, null, ""));
        gateway.emit(event(file, 1, JobState.RUNNING, 10, 40));

        assertEquals("built-in PM2.5 sample", vm.row(sample).source());
        assertEquals("built-in PM2.5 sample", vm.row(sample).sourcePaths());
        assertEquals("beijing.csv", vm.row(file).source());
        assertEquals("/data/beijing.csv", vm.row(file).sourcePaths());
    }

    @Test
    void eventsArrivingFasterThanTheBatchIntervalReachTheUiInOneUpdate() {
        QueuedUi ui = new QueuedUi();
        JobsViewModel vm = viewModel(ui);
        vm.activate();
        ui.pending.clear();
        UUID job = UUID.randomUUID();
        for (int i = 0; i < 1000; i++) {
            gateway.emit(event(job, i, JobState.RUNNING, i, 1000));
        }
        assertEquals(1, ui.pending.size(), "one UI update for the whole burst");
        assertTrue(vm.rows().isEmpty(), "nothing changes off the UI thread");
        List<Integer> batches = new ArrayList<>();
        vm.onBatch(rows -> batches.add(rows.size()));
        ui.runPending();
        assertEquals(List.of(1), batches);
        assertEquals(999, vm.row(job).latest().seq());
        gateway.emit(event(job, 1000, JobState.SUCCEEDED, 1000, 1000));
        assertEquals(JobState.RUNNING, vm.row(job).stateProperty().get(), "waits for the next UI update");
        ui.runPending();
        assertEquals(JobState.SUCCEEDED, vm.row(job).stateProperty().get());
        assertEquals(List.of(1, 1), batches);
    }

    @Test
    void anUnreachableFeedIsShownOfflineAndReconnectsWhenKafkaIsBack() {
        gateway.failFollow = new IllegalStateException("Kafka at 127.0.0.1:9092 is unreachable: timeout");
        JobsViewModel vm = viewModel(executor);
        vm.activate();
        assertFalse(vm.feedOnlineProperty().get());
        assertTrue(vm.feedStatusProperty().get().contains("offline"), vm.feedStatusProperty().get());
        assertTrue(vm.loadedProperty().get(), "an offline feed is a state the page shows, not a failed load");

        gateway.failFollow = null;
        executor.runScheduled();
        assertTrue(vm.feedOnlineProperty().get());
        assertEquals(1, gateway.opened);

        gateway.reachable = false;
        executor.runScheduled();
        assertFalse(vm.feedOnlineProperty().get());
        assertEquals(1, gateway.closed);
        gateway.reachable = true;
        executor.runScheduled();
        assertTrue(vm.feedOnlineProperty().get());
        assertEquals(2, gateway.opened);

        vm.deactivate();
        assertEquals(2, gateway.closed);
        assertTrue(executor.scheduledDelays().isEmpty(), "no probe while hidden");
    }

    @Test
    void aFeedThatPointsElsewhereNowIsReopenedWithTheRowsOfTheNewOne() {
        JobsViewModel vm = viewModel(executor);
        vm.activate();
        gateway.emit(event(UUID.randomUUID(), 1, JobState.RUNNING, 1, 10));
        executor.runScheduled();
        assertEquals(1, vm.rows().size(), "a probe of a current feed changes nothing");
        assertEquals(1, gateway.opened);

        gateway.stale = true;
        executor.runScheduled();
        assertEquals(2, gateway.opened);
        assertEquals(1, gateway.closed);
        assertTrue(vm.rows().isEmpty(), "the other Kafka's jobs are gone");
        gateway.stale = false;
        UUID fresh = UUID.randomUUID();
        gateway.emit(event(fresh, 1, JobState.RUNNING, 1, 10));
        assertEquals(List.of(fresh), vm.rows().stream().map(JobRow::jobId).toList());
    }

    @Test
    void cancelAsksFirstThenCancelsAndAudits() {
        JobsViewModel vm = viewModel(executor);
        vm.activate();
        UUID job = UUID.randomUUID();
        gateway.emit(event(job, 1, JobState.RUNNING, 1, 10));

        vm.cancel(vm.row(job));
        assertEquals(1, dialogs.asked().size());
        assertTrue(gateway.cancelled.isEmpty(), "declined");

        dialogs.answering(true);
        vm.cancel(vm.row(job));
        assertEquals(List.of(job), gateway.cancelled);
        assertEquals(List.of("job.cancel " + job + " requested"), gateway.audited);

        gateway.emit(event(job, 2, JobState.CANCELLED, 1, 10));
        assertFalse(vm.row(job).cancellable());
        vm.cancel(vm.row(job));
        assertEquals(1, gateway.cancelled.size(), "a finished job is not cancelled again");
    }

    @Test
    void retrySubmitsAFailedJobAgainWithItsOriginalOptions() {
        JobsViewModel vm = viewModel(executor);
        vm.activate();
        UUID job = UUID.randomUUID();
        gateway.requests.put(job, new JobRequest(job, JobKind.LOAD_PM25, List.of("/data/beijing.csv"),
                Map.of(JobOptions.LOCATION, "Beijing"), "alice", NOW));
        gateway.emit(event(job, 1, JobState.RUNNING, 1, 10));
        vm.retry(vm.row(job));
        assertTrue(gateway.submitted.isEmpty(), "a running job is not retried");

        gateway.emit(event(job, 2, JobState.FAILED, 1, 10));
        vm.retry(vm.row(job));
        assertEquals(1, gateway.submitted.size());
        JobRequest again = gateway.submitted.get(0);
        assertFalse(again.jobId().equals(job));
        assertEquals(JobKind.LOAD_PM25, again.kind());
        assertEquals(List.of("/data/beijing.csv"), again.source());
        assertEquals("Beijing", again.option(JobOptions.LOCATION));
        assertTrue(vm.messageProperty().get().contains(again.jobId().toString()));
    }

    private static ProgressEvent load(UUID job, long seq, JobState state, long done, Double rate, String file) {
        return new ProgressEvent(job, seq, NOW.plusSeconds(seq * 5), JobKind.LOAD_DATASET, List.of(file), "alice",
                state, state == JobState.QUEUED ? "queued" : "write", JobUnit.BYTES, done, 26_412_236, rate, 4.0, 0,
                List.of(), null, null, "");
    }

    @Test
    void bytesAreShownInTheUnitsTheCliUsesAndAFinishedJobKeepsItsAverageRateAndDuration() {
        JobsViewModel vm = viewModel(executor);
        vm.activate();
        UUID job = UUID.randomUUID();
        gateway.emit(load(job, 0, JobState.QUEUED, 0, null, "/data/fashion.idx"));
        gateway.emit(load(job, 1, JobState.RUNNING, 13_206_118, 2_641_223.6, "/data/fashion.idx"));
        JobRow row = vm.row(job);
        assertEquals("13.2 / 26.4 MB", row.amountProperty().get(), "MB of 10^6 bytes, as the CLI prints them");
        assertEquals("13,206,118 / 26,412,236 bytes", row.amountExact(), "on hover");
        assertEquals("2.6 MB/s", row.rateProperty().get());
        assertEquals("4s left", row.etaProperty().get());

        gateway.emit(load(job, 3, JobState.SUCCEEDED, 26_412_236, 2_641_223.6, "/data/fashion.idx"));
        assertEquals("26.4 / 26.4 MB", row.amountProperty().get());
        assertEquals("2.6 MB/s", row.rateProperty().get(), "the final event's average rate stays");
        assertEquals("10s", row.etaProperty().get(), "how long it took: from the first running event to the last");
        assertEquals("13m left", JobRow.left(754), "an estimate to the minute from a minute on");
        assertEquals("1h 02m left", JobRow.left(3_725));

        UUID quiet = UUID.randomUUID();
        gateway.emit(load(quiet, 1, JobState.RUNNING, 0, null, "/data/other.idx"));
        gateway.emit(load(quiet, 5, JobState.SUCCEEDED, 20_000_000, null, "/data/other.idx"));
        assertEquals("1.0 MB/s", vm.row(quiet).rateProperty().get(), "measured when the worker gave none");
        assertEquals("20s", vm.row(quiet).etaProperty().get());
    }

    @Test
    void twoLoadsOfOneFileAreToldApartByTheNamesTheirRequestsGave() {
        JobsViewModel vm = viewModel(executor);
        vm.activate();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String file = "/data/sets/train-images-idx3-ubyte.gz";
        gateway.emitRequest(new JobRequest(first, JobKind.LOAD_DATASET, List.of(file),
                Map.of(JobOptions.NAME, "mnist-train"), "alice", NOW));
        gateway.emit(load(first, 0, JobState.QUEUED, 0, null, file));
        gateway.emit(load(second, 0, JobState.QUEUED, 0, null, file));
        assertEquals("mnist-train", vm.row(first).source(), "request read before the events: the name, the file on hover");
        assertEquals("train-images-idx3-ubyte.gz", vm.row(second).source(), "no request read yet: the file alone");

        List<JobRow> renamed = new ArrayList<>();
        vm.onBatch(renamed::addAll);
        gateway.emitRequest(new JobRequest(second, JobKind.LOAD_DATASET, List.of(file),
                Map.of(JobOptions.NAME, "mnist-copy"), "alice", NOW));
        assertEquals("mnist-copy", vm.row(second).source(), "request read after them");
        assertEquals(List.of(vm.row(second)), renamed, "the table is told the row changed");
        assertEquals(file, vm.row(second).sourcePaths(), "the whole path for the tooltip and details");

        UUID warm = UUID.randomUUID();
        gateway.emitRequest(new JobRequest(warm, JobKind.WARM, List.of(),
                Map.of(JobOptions.DATASET, "mnist-train", JobOptions.VERSION, "2"), "alice", NOW));
        gateway.emit(new ProgressEvent(warm, 0, NOW, JobKind.WARM, List.of(), "alice", JobState.QUEUED, "queued",
                JobUnit.CHUNKS, 0, 0, null, null, 0, List.of(), null, null, ""));
        assertEquals("mnist-train v2", vm.row(warm).source());
    }

    /**
     * An export: what it reads (a table, or "query" when its request's {@code query} option says
     * it reads a statement) and the file it writes.
     */
    @Test
    void anExportShowsWhatItReadsAndTheFileItWrites() {
        JobsViewModel vm = viewModel(executor);
        vm.activate();
        UUID table = UUID.randomUUID();
        String target = "/home/alice/exports/pm25.csv.gz";
        gateway.emit(export(table, List.of("aqdata.pm25")));
        assertEquals("aqdata.pm25", vm.row(table).source(), "no request read yet: the table alone");
        requestExport(table, JobOptions.TABLE, "aqdata.pm25", target);
        assertEquals("aqdata.pm25 → pm25.csv.gz", vm.row(table).source(), "not aqdata.pm25 · aqdata.pm25");
        assertEquals("aqdata.pm25 → " + target, vm.row(table).sourcePaths(), "the whole path on hover");

        UUID query = UUID.randomUUID();
        String select = "SELECT * FROM aqdata.pm25 WHERE location = 'Delhi' AND year = 2025";
        requestExport(query, JobOptions.QUERY, select, "/tmp/delhi.json");
        gateway.emit(export(query, List.of(select)));
        assertEquals("query → delhi.json", vm.row(query).source());
        assertEquals(select + " → /tmp/delhi.json", vm.row(query).sourcePaths(), "the statement on hover");

        // table or statement is the request's to say, not the text's: a quoted table name may hold a space
        UUID quoted = UUID.randomUUID();
        String daily = "aqdata.\"PM 2.5 daily\"";
        gateway.emit(export(quoted, List.of(daily)));
        requestExport(quoted, JobOptions.TABLE, daily, "/tmp/daily.csv");
        assertEquals(daily + " → daily.csv", vm.row(quoted).source(), "a table, though its name has a space");
        UUID early = UUID.randomUUID();
        gateway.emit(export(early, List.of("SELECT * FROM aqdata.pm25")));
        assertEquals("SELECT * FROM aqdata.pm25", vm.row(early).source(), "no request read yet: not guessed at");
    }

    /**
     * A query export has no total while it runs (0): its row shows an indeterminate bar, no
     * percentage and no time left, only the rows written and the rate; "100%" comes with the
     * final event alone. A cancelled one stops with an empty bar, not a full one.
     */
    @Test
    void aJobWithoutAKnownTotalHasAnIndeterminateBarAndNoPercentageUntilItSucceeds() {
        JobsViewModel vm = viewModel(executor);
        vm.activate();
        UUID job = UUID.randomUUID();
        List<String> select = List.of("SELECT * FROM aqdata.pm25 WHERE location = 'Delhi'");
        gateway.emit(new ProgressEvent(job, 1, NOW, JobKind.EXPORT_TABLE, select, "alice", JobState.RUNNING, "export",
                JobUnit.ROWS, 12_345, 0, 1_500.0, null, 0, List.of(), null, null, "12,345 rows written, 1.2 MB"));

        JobRow row = vm.row(job);
        assertEquals(ProgressIndicator.INDETERMINATE_PROGRESS, row.progressProperty().get(), 1e-9);
        assertEquals("", row.percentProperty().get(), "no percentage without a total");
        assertEquals("12.3k rows", row.amountProperty().get(), "what is done, no total");
        assertEquals("1,500/s", row.rateProperty().get());
        assertEquals("", row.etaProperty().get(), "no time left without a total");

        gateway.emit(new ProgressEvent(job, 2, NOW.plusSeconds(9), JobKind.EXPORT_TABLE, select, "alice",
                JobState.SUCCEEDED, "complete", JobUnit.ROWS, 20_000, 20_000, 2_000.0, 0.0, 0, List.of(), null, null,
                "exported 20,000 rows"));
        assertEquals(1.0, row.progressProperty().get(), 1e-9);
        assertEquals("100%", row.percentProperty().get(), "done: 100 % now");

        UUID cancelled = UUID.randomUUID();
        gateway.emit(new ProgressEvent(cancelled, 1, NOW, JobKind.EXPORT_TABLE, select, "alice", JobState.RUNNING,
                "export", JobUnit.ROWS, 5_000, 0, 1_500.0, null, 0, List.of(), null, null, "5,000 rows written, 310 kB"));
        gateway.emit(new ProgressEvent(cancelled, 2, NOW.plusSeconds(4), JobKind.EXPORT_TABLE, select, "alice",
                JobState.CANCELLED, "cancelled", JobUnit.ROWS, 5_000, 0, null, 0.0, 0, List.of(), null, null,
                "cancelled"));
        assertEquals(0.0, vm.row(cancelled).progressProperty().get(), 1e-9, "a cancelled job's bar is not full");
        assertEquals("", vm.row(cancelled).percentProperty().get());
    }

    /**
     * Every job's first events count nothing: the submitter's {@code queued}, the worker's
     * {@code start} (bytes, 0 of 0). The row reads as starting, an empty bar and no amount, not as
     * a zero-byte export with an indeterminate bar; a query export's bar turns indeterminate only
     * once rows flow without a total.
     */
    @Test
    void aJobThatHasOnlyStartedReadsAsStartingNotAsAZeroByteJob() {
        JobsViewModel vm = viewModel(executor);
        vm.activate();
        String select = "SELECT * FROM aqdata.pm25 WHERE location = 'Delhi'";
        JobRequest request = new JobRequest(UUID.randomUUID(), JobKind.EXPORT_TABLE, List.of(select),
                Map.of(JobOptions.QUERY, select, JobOptions.TARGET, "/tmp/delhi.csv"), "alice", NOW);
        gateway.emit(ProgressEvent.queued(request, NOW));
        JobRow row = vm.row(request.jobId());
        assertEquals("", row.amountProperty().get(), "queued: nothing counted, not 0 B");

        gateway.emit(new ProgressEvent(request.jobId(), 1, NOW.plusSeconds(1), JobKind.EXPORT_TABLE, List.of(select),
                "alice", JobState.RUNNING, "start", JobUnit.BYTES, 0, 0, null, null, 0, List.of(), null, null, null));
        assertEquals(0.0, row.progressProperty().get(), 1e-9, "an empty bar, not an indeterminate one");
        assertEquals("starting", row.percentProperty().get(), "beside the bar");
        assertEquals("", row.amountProperty().get(), "not 0 B");
        assertEquals("", row.amountExact(), "nor on hover");
        assertEquals("", row.rateProperty().get());
        assertEquals("", row.etaProperty().get());

        gateway.emit(new ProgressEvent(request.jobId(), 2, NOW.plusSeconds(3), JobKind.EXPORT_TABLE, List.of(select),
                "alice", JobState.RUNNING, "export", JobUnit.ROWS, 5_000, 0, 2_500.0, null, 0, List.of(), null, null,
                "5,000 rows written, 310 kB"));
        assertEquals(ProgressIndicator.INDETERMINATE_PROGRESS, row.progressProperty().get(), 1e-9, "rows flow, no total");
        assertEquals("", row.percentProperty().get());
        assertEquals("5,000 rows", row.amountProperty().get());
    }

    /** An export's request, reading {@code source} as the option says: {@link JobOptions#TABLE} or {@link JobOptions#QUERY}. */
    private void requestExport(UUID job, String option, String source, String target) {
        gateway.emitRequest(new JobRequest(job, JobKind.EXPORT_TABLE, List.of(source),
                Map.of(option, source, JobOptions.TARGET, target), "alice", NOW));
    }

    private static ProgressEvent export(UUID job, List<String> source) {
        return new ProgressEvent(job, 1, NOW, JobKind.EXPORT_TABLE, source, "alice", JobState.RUNNING, "export",
                JobUnit.ROWS, 10, 100, null, null, 0, List.of(), null, null, "");
    }

    @Test
    void theSubmittedNoteGoesWhenTheJobShowsUpOrAfterAFewSeconds() {
        JobsViewModel vm = viewModel(executor);
        vm.activate();
        JobRequest request = gateway.request(JobKind.LOAD_DATASET, List.of("/data/a.bin"), Map.of(JobOptions.NAME, "a"));
        vm.submit(request, failure -> { });
        assertEquals("Submitted job " + request.jobId(), vm.messageProperty().get());
        gateway.emit(load(request.jobId(), 0, JobState.QUEUED, 0, null, "/data/a.bin"));
        assertEquals("", vm.messageProperty().get(), "the row says it now");
        assertEquals("a", vm.row(request.jobId()).source(), "named from the request submitted here");

        JobRequest unseen = gateway.request(JobKind.LOAD_DATASET, List.of("/data/b.bin"), Map.of(JobOptions.NAME, "b"));
        vm.submit(unseen, failure -> { });
        assertTrue(executor.scheduledDelays().contains(JobsViewModel.SUBMITTED_NOTE), executor.scheduledDelays().toString());
        assertEquals("Submitted job " + unseen.jobId(), vm.messageProperty().get());
        executor.runScheduled();
        assertEquals("", vm.messageProperty().get(), "gone after a few seconds though the job never showed");
    }

    /** Runs work at once but keeps UI actions until the test runs them: the FX queue, by hand. */
    static final class QueuedUi implements TaskExecutor {
        final List<Runnable> pending = new ArrayList<>();
        final List<Duration> delays = new ArrayList<>();
        private final CurrentThreadTaskExecutor work = new CurrentThreadTaskExecutor();

        @Override
        public <T> Cancellable execute(BackgroundTask<T> task) {
            return work.execute(task);
        }

        @Override
        public Cancellable schedule(Duration delay, BackgroundTask<?> task) {
            return work.schedule(delay, task);
        }

        @Override
        public void runOnUi(Duration delay, Runnable action) {
            delays.add(delay);
            pending.add(action);
        }

        void runPending() {
            List<Runnable> due = new ArrayList<>(pending);
            pending.clear();
            due.forEach(Runnable::run);
        }

        @Override
        public void shutdown() {
        }
    }
}
