package io.ringside.ui.welcome;

import io.ringside.core.RingsideException;
import io.ringside.core.connect.ConnectionProfile;
import io.ringside.core.data.dataset.DatasetKind;
import io.ringside.core.data.pm25.Pm25ImportOptions;
import io.ringside.core.jobs.LoadDatasetOptions;
import io.ringside.core.jobs.LoadPm25Options;
import io.ringside.ui.jobs.JobsGateway;
import io.ringside.ui.shell.ShellViewModel;
import io.ringside.ui.stack.StackMode;
import io.ringside.ui.stack.StackViewModel;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.Errors;
import io.ringside.ui.util.PageLoad;
import io.ringside.ui.util.PageLoadState;
import io.ringside.ui.util.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The welcome page a first run opens on: what the console is doing (starting the local stack),
 * where its data goes, and two ways on: connect to a cluster instead, or load sample data. The
 * sample data are ordinary load jobs submitted through the Jobs page's gateway, so the Jobs page
 * shows their progress bars like any other load and a worker anywhere may run them.
 */
public final class WelcomeViewModel implements PageLoad {

    public static final String PAGE = ShellViewModel.WELCOME_PAGE;
    /** Where the Debian package {@code dataset-fashion-mnist} puts the training images. */
    public static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz");
    public static final String FASHION_MNIST_DATASET = "fashion-mnist-train-images";
    static final String PM25_SAMPLE = "the PM2.5 sample (nine days of one location)";
    static final String FASHION_MNIST_SAMPLE = "Fashion-MNIST training images as dataset " + FASHION_MNIST_DATASET;

    private final JobsGateway jobs;
    private final TaskExecutor executor;
    private final Path fashionMnist;
    private final Runnable showJobs;
    private final StackViewModel stack;
    private final ReadOnlyStringWrapper dataFolder;
    private ConnectionProfile profile = ConnectionProfile.local();
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper activityBusy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper backendsReady = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canLoadSample = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper fashionMnistFound = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper sampleNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final PageLoadState load = new PageLoadState();

    /**
     * @param stack        the local stack: its summary line says what the console is doing, and
     *                     sample data can be submitted once it is up
     * @param fashionMnist the Fashion-MNIST training images, loaded too when the file exists
     * @param showJobs     shows the Jobs page once the sample loads are submitted
     */
    public WelcomeViewModel(Path dataFolder, StackViewModel stack, JobsGateway jobs, TaskExecutor executor,
                            Path fashionMnist, Runnable showJobs) {
        this.jobs = jobs;
        this.executor = executor;
        this.fashionMnist = fashionMnist;
        this.showJobs = showJobs;
        this.stack = stack;
        this.dataFolder = new ReadOnlyStringWrapper(dataFolder.toAbsolutePath().toString());
        canLoadSample.bind(backendsReady.and(busy.not()));
        updateSampleNote();
        stack.modeProperty().addListener((obs, old, mode) -> updateConnection());
        stack.summaryProperty().addListener((obs, old, summary) -> updateConnection());
        stack.busyProperty().addListener((obs, old, working) -> updateConnection());
        updateConnection();
    }

    /** Looks for the Fashion-MNIST file; the page needs nothing else to show. */
    @Override
    public void activate() {
        BackgroundTask.wrap(() -> Files.isRegularFile(fashionMnist))
                .onSuccess(found -> {
                    fashionMnistFound.set(found);
                    updateSampleNote();
                    load.succeeded();
                })
                .onFailure(e -> load.succeeded()) // the page shows without the file; nothing failed to load
                .executeWith(executor);
    }

    /** The shell's active profile changed (on the FX thread). */
    public void useProfile(ConnectionProfile active) {
        profile = active;
        updateConnection();
    }

    /**
     * Jobs can be submitted once the local stack is up (the console's own worker runs them), or at
     * once on a cluster profile, where a worker of that cluster runs them.
     */
    private void updateConnection() {
        boolean local = profile.isLocal();
        StackMode mode = stack.modeProperty().get();
        backendsReady.set(!local || mode.serversUp());
        activity.set(local ? stack.summaryProperty().get()
                : "Working against profile " + profile.name() + "; the local stack is not used.");
        activityBusy.set(local && stack.busyProperty().get());
    }

    /** Submits the sample loads, then shows the Jobs page with their progress. */
    public void loadSampleData() {
        if (!canLoadSample.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        message.set("Submitting the sample data…");
        BackgroundTask.wrap(this::submitSamples)
                .withTitle("Submitting the sample data")
                .onSuccess(submitted -> {
                    busy.set(false);
                    message.set("Submitted " + String.join(" and ", submitted) + ".");
                    showJobs.run();
                })
                .onFailure(e -> {
                    busy.set(false);
                    message.set("");
                    error.set(Errors.firstLine(e));
                })
                .executeWith(executor);
    }

    private List<String> submitSamples() {
        List<String> submitted = new ArrayList<>();
        try {
            jobs.submit(jobs.request(List.of(), new LoadPm25Options(null, null,
                    Pm25ImportOptions.DEFAULT_MAX_REJECTED_PERCENT, null, true)));
            submitted.add(PM25_SAMPLE);
            if (Files.isRegularFile(fashionMnist)) {
                jobs.submit(jobs.request(List.of(fashionMnist.toAbsolutePath().toString()),
                        new LoadDatasetOptions(FASHION_MNIST_DATASET, DatasetKind.IDX, null)));
                submitted.add(FASHION_MNIST_SAMPLE);
            }
            return submitted;
        } catch (RuntimeException e) {
            String done = submitted.isEmpty() ? "Not submitted: " : "Submitted " + String.join(", ", submitted)
                    + ", but not the rest: ";
            throw new RingsideException(done + Errors.firstLine(e), e);
        }
    }

    private void updateSampleNote() {
        sampleNote.set(fashionMnistFound.get()
                ? "Loads " + PM25_SAMPLE + " and " + FASHION_MNIST_SAMPLE + " (from " + fashionMnist + ")."
                : "Loads " + PM25_SAMPLE + ". Install the Debian package dataset-fashion-mnist to load Fashion-MNIST "
                        + "as a dataset too.");
    }

    /** What the console is doing: the local stack's summary line, or which cluster profile it uses. */
    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /** True while the local stack is being looked for, started or stopped (local profile only). */
    public ReadOnlyBooleanProperty activityBusyProperty() {
        return activityBusy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dataFolderProperty() {
        return dataFolder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canLoadSampleProperty() {
        return canLoadSample.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty fashionMnistFoundProperty() {
        return fashionMnistFound.getReadOnlyProperty();
    }

    /** What "Load sample data" loads, and how to get Fashion-MNIST when it is not installed. */
    public ReadOnlyStringProperty sampleNoteProperty() {
        return sampleNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    @Override
    public PageLoadState loadState() {
        return load;
    }
}
