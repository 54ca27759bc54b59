package io.ringside.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringside.core.connect.AccessGuard;
import io.ringside.core.connect.Backends;
import io.ringside.core.data.DataServices;
import io.ringside.core.data.dataset.DatasetFixtures;
import io.ringside.core.jobs.JobClient;
import io.ringside.core.jobs.JobKind;
import io.ringside.core.jobs.JobOptions;
import io.ringside.core.jobs.JobRequest;
import io.ringside.core.jobs.JobState;
import io.ringside.core.jobs.Worker;
import io.ringside.testing.CliRun;
import io.ringside.testing.SharedStack;
import io.ringside.testing.TestStack;
import io.ringside.ui.testing.FreshStage;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.testing.FakeDialogService;
import io.ringside.ui.util.UiTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Jobs screen on the shared stack's real Kafka and Cassandra, headless, with a worker of the
 * test's own: jobs started elsewhere (the CLI) show up, cancel stops the worker, the form starts a load.
 */
@ExtendWith({SharedStack.class, ApplicationExtension.class})
class JobsViewFxTest {

    @TempDir
    Path dir;

    private final UiTaskExecutor executor = new UiTaskExecutor();
    private final FakeDialogService dialogs = new FakeDialogService().answering(true);
    private final List<Path> chosen = new CopyOnWriteArrayList<>();
    private Stage stage;
    private Backends backends;
    private DataServices services;
    private Worker worker;
    private JobsViewModel viewModel;

    @Start
    void keepStage(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void showJobsView(TestStack stack, FxRobot robot) {
        backends = stack.backends();
        services = new DataServices(backends);
        worker = new Worker(services, stack.dataFolder(), "local", 1, null, System.err::println);
        viewModel = new JobsViewModel(new KafkaJobsGateway(backends::kafkaProperties, stack.dataFolder(), () -> "local",
                () -> AccessGuard.READ_WRITE), executor, dialogs);
        robot.interact(() -> {
            Scene scene = new Scene(JobsView.load(viewModel, () -> chosen.isEmpty() ? Optional.empty()
                    : Optional.of(chosen.get(0))), 1200, 800);
            scene.getStylesheets().add(Styles.stylesheet(Styles.STYLESHEET));
            FreshStage.show(stage, scene);
            viewModel.activate();
        });
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(viewModel::deactivate);
        worker.close();
        services.close();
        executor.shutdown();
    }

    @Test
    void aLoadStartedThroughTheCliShowsIncreasingProgressAndEndsSucceeded(TestStack stack, FxRobot robot)
            throws TimeoutException {
        Path file = DatasetFixtures.write(dir, "cli.bin", DatasetFixtures.randomBytes(12_000_000, 3));
        List<Double> seen = new CopyOnWriteArrayList<>();
        UUID[] job = new UUID[1];
        robot.interact(() -> viewModel.onBatch(rows -> rows.stream().filter(r -> r.jobId().equals(job[0]))
                .forEach(r -> seen.add(r.progressProperty().get()))));

        String name = DatasetFixtures.uniqueName("jobsui");
        CliRun run = CliRun.in(stack.dataFolder(), "load", "dataset", name, file.toString(), "--rate", "4", "--no-wait");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        job[0] = UUID.fromString(lines.get(lines.size() - 1).trim());

        WaitForAsyncUtils.waitFor(3, TimeUnit.MINUTES, () -> state(robot, job[0]) == JobState.SUCCEEDED);
        JobRow row = onFx(robot, () -> viewModel.row(job[0]));
        assertEquals(1.0, row.progressProperty().get(), 1e-9);
        assertEquals(JobClient.currentUser(), row.requestedBy());
        assertTrue(seen.stream().anyMatch(p -> p > 0 && p < 1), "progress while it ran: " + seen);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "the bar never goes back: " + seen);
        }
        assertTrue(onFx(robot, () -> viewModel.rows().contains(row)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(robot, row::source).equals(name));
    }

    @Test
    void cancelFromTheViewModelStopsTheWorkerAndTheJobEndsCancelled(TestStack stack, FxRobot robot)
            throws TimeoutException {
        Path file = DatasetFixtures.write(dir, "slow.bin", DatasetFixtures.randomBytes(20_000_000, 4));
        JobClient client = new JobClient(backends.kafkaProperties(), stack.dataFolder());
        JobRequest request = client.request(JobKind.LOAD_DATASET, List.of(file.toString()),
                Map.of(JobOptions.NAME, DatasetFixtures.uniqueName("jobsui-cancel"), JobOptions.RATE_MBPS, "1"));
        client.submit(request);
        WaitForAsyncUtils.waitFor(2, TimeUnit.MINUTES, () -> onFx(robot, () -> {
            JobRow row = viewModel.row(request.jobId());
            return row != null && row.stateProperty().get() == JobState.RUNNING && row.latest().done() > 0;
        }));

        robot.interact(() -> viewModel.cancel(viewModel.row(request.jobId())));

        WaitForAsyncUtils.waitFor(2, TimeUnit.MINUTES, () -> state(robot, request.jobId()) == JobState.CANCELLED);
        JobRow row = onFx(robot, () -> viewModel.row(request.jobId()));
        assertTrue(row.latest().done() < 20_000_000, "stopped before the end: " + row.latest());
        assertEquals(1, dialogs.asked().size());
        assertTrue(onFx(robot, row::retryable));
    }

    @Test
    void theNewLoadFormDetectsTheFileAndStartsTheLoad(FxRobot robot) throws TimeoutException {
        Path file = DatasetFixtures.write(dir, "from form.bin", DatasetFixtures.randomBytes(3_000_000, 5));
        chosen.add(file);
        String name = DatasetFixtures.uniqueName("jobsui-form");

        robot.clickOn("#newLoadButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(robot,
                () -> viewModel.newLoad().detectedProperty().get() != null));
        assertEquals(JobKind.LOAD_DATASET, viewModel.newLoad().detectedProperty().get().kind());
        assertTrue(robot.lookup("#loadDetected").queryLabeled().getText().startsWith("Binary dataset"));
        assertEquals("from-form", robot.lookup("#loadName").queryAs(TextField.class).getText());
        robot.interact(() -> robot.lookup("#loadName").queryAs(TextField.class).setText(name));
        robot.clickOn("#loadSubmit");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !onFx(robot, () -> viewModel.newLoad().openProperty().get()));
        WaitForAsyncUtils.waitFor(2, TimeUnit.MINUTES, () -> onFx(robot, () -> viewModel.rows().stream()
                .anyMatch(r -> r.latest().source().equals(List.of(file.toString()))
                        && r.stateProperty().get() == JobState.SUCCEEDED)));
        TableView<JobRow> table = robot.lookup("#jobTable").queryTableView();
        assertTrue(onFx(robot, () -> table.getItems().stream().anyMatch(r -> r.source().equals(name)
                        && r.sourcePaths().endsWith("from form.bin"))),
                "named from the request submitted here");
    }

    private JobState state(FxRobot robot, UUID job) {
        return onFx(robot, () -> viewModel.row(job) == null ? null : viewModel.row(job).stateProperty().get());
    }

    private static <T> T onFx(FxRobot robot, java.util.concurrent.Callable<T> read) {
        Object[] value = new Object[1];
        robot.interact(() -> {
            try {
                value[0] = read.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        @SuppressWarnings("unchecked")
        T result = (T) value[0];
        return result;
    }
}
