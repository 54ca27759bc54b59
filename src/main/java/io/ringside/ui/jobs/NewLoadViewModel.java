package io.ringside.ui.jobs;

import io.ringside.core.data.dataset.DatasetStore;
import io.ringside.core.jobs.JobOptions;
import io.ringside.core.jobs.JobRequest;
import io.ringside.core.jobs.LoadDetector;
import io.ringside.ui.util.Errors;
import io.ringside.ui.util.BackgroundTask;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "New load" form: a chosen file is detected in the background, the form asks for what that
 * kind needs (a dataset name; a location for a single-site PM2.5 file) and one option (the reject
 * threshold of a PM2.5 load, the rate limit of a dataset load), checks them the way the CLI does
 * and submits the request. The form stays open with the reason when a check or the submit fails.
 */
public final class NewLoadViewModel {

    private final JobsViewModel jobs;
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<LoadDetector.DetectedLoad> detected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper file = new ReadOnlyStringWrapper("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty location = new SimpleStringProperty("");
    private final StringProperty option = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public NewLoadViewModel(JobsViewModel jobs) {
        this.jobs = jobs;
    }

    /** Asks for a file and detects it; nothing happens when the operator cancels the chooser. */
    public void start(LoadFileChooser chooser) {
        chooser.choose().ifPresent(this::open);
    }

    public void open(Path chosen) {
        Path path = chosen.toAbsolutePath().normalize();
        open.set(true);
        busy.set(true);
        detected.set(null);
        file.set(path.toString());
        error.set("");
        BackgroundTask.wrap(() -> LoadDetector.detect(path))
                .onSuccess(d -> {
                    busy.set(false);
                    detected.set(d);
                    name.set(d.dataset() ? defaultName(path) : "");
                    location.set("");
                    option.set(d.dataset() ? "" : "1");
                })
                .onFailure(e -> {
                    busy.set(false);
                    error.set(Errors.firstLine(e));
                })
                .executeWith(jobs.executor());
    }

    /** A dataset name from the file name: the stem, with what a name may not hold replaced. */
    static String defaultName(Path file) {
        String stem = file.getFileName().toString().replaceFirst("(\\.gz)$", "").replaceFirst("\\.[^.]+$", "");
        String cleaned = stem.replaceAll("[^A-Za-z0-9_.-]", "-");
        return cleaned.isEmpty() ? "dataset" : cleaned;
    }

    /** Checks the form and submits; the form closes when the request was taken. */
    public void submit() {
        LoadDetector.DetectedLoad load = detected.get();
        if (load == null || busy.get()) {
            return;
        }
        JobOptions options;
        try {
            options = options(load);
        } catch (IllegalArgumentException e) {
            error.set(Errors.firstLine(e));
            return;
        }
        JobRequest request = jobs.gateway().request(List.of(load.file().toString()), options);
        busy.set(true);
        error.set("");
        jobs.submit(request, failure -> {
            busy.set(false);
            if (failure == null) {
                open.set(false);
            } else {
                error.set("Not submitted: " + Errors.firstLine(failure));
            }
        });
    }

    private JobOptions options(LoadDetector.DetectedLoad load) {
        String value = option.get().trim();
        if (load.dataset()) {
            DatasetStore.requireValidName(name.get().trim());
            return load.datasetOptions(name.get().trim(), value.isEmpty() ? null : positive(value, "Rate limit (MB/s)"));
        }
        if (load.needsLocation() && location.get().isBlank()) {
            throw new IllegalArgumentException(load.file().getFileName() + " is in the " + load.format().cliName()
                    + " format, which has no location column: give its location");
        }
        double percent = value.isEmpty() ? 1.0 : number(value.replaceFirst("%$", ""), "Max rejected (%)");
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("Max rejected (%) must be between 0 and 100, not " + value);
        }
        return load.pm25Options(load.needsLocation() ? location.get().trim() : null, percent);
    }

    private static double positive(String value, String field) {
        double number = number(value, field);
        if (!(number > 0)) {
            throw new IllegalArgumentException(field + " must be a positive number, not " + value);
        }
        return number;
    }

    private static double number(String value, String field) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number, not '" + value + "'");
        }
    }

    public void close() {
        open.set(false);
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LoadDetector.DetectedLoad> detectedProperty() {
        return detected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fileProperty() {
        return file.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty locationProperty() {
        return location;
    }

    /** Max rejected percent for a PM2.5 load, rate limit in MB/s for a dataset load. */
    public StringProperty optionProperty() {
        return option;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
