package io.ringside.ui.jobs;

import io.ringside.core.jobs.JobState;
import io.ringside.core.jobs.LoadDetector;
import io.ringside.core.jobs.ProgressEvent;
import io.ringside.ui.util.ControllerFactory;
import io.ringside.ui.util.FillColumnResize;
import io.ringside.ui.util.Fxml;
import io.ringside.ui.util.HoverTooltip;
import io.ringside.ui.util.TextFitCell;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;

/** Controller of {@code fxml/jobs/JobsView.fxml}: binds to {@link JobsViewModel}, forwards clicks. */
public final class JobsView {

    public static final String FXML = "/fxml/jobs/JobsView.fxml";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final JobsViewModel viewModel;
    private final NewLoadViewModel newLoad;
    private final LoadFileChooser chooser;

    @FXML
    private Label feedStatus;
    @FXML
    private VBox offlineBanner;
    @FXML
    private Label offlineText;
    @FXML
    private Button cancelButton;
    @FXML
    private Button retryButton;
    @FXML
    private Label message;
    @FXML
    private VBox newLoadPane;
    @FXML
    private Label loadFile;
    @FXML
    private Label loadDetected;
    @FXML
    private Label loadNameLabel;
    @FXML
    private TextField loadName;
    @FXML
    private Label loadLocationLabel;
    @FXML
    private TextField loadLocation;
    @FXML
    private Label loadOptionLabel;
    @FXML
    private TextField loadOption;
    @FXML
    private Label loadError;
    @FXML
    private Button loadSubmit;
    @FXML
    private TableView<JobRow> jobTable;
    @FXML
    private TableColumn<JobRow, JobState> stateColumn;
    @FXML
    private TableColumn<JobRow, String> kindColumn;
    @FXML
    private TableColumn<JobRow, String> sourceColumn;
    @FXML
    private TableColumn<JobRow, Bar> progressColumn;
    @FXML
    private TableColumn<JobRow, String> amountColumn;
    @FXML
    private TableColumn<JobRow, String> rateColumn;
    @FXML
    private TableColumn<JobRow, String> etaColumn;
    @FXML
    private TableColumn<JobRow, String> errorsColumn;
    @FXML
    private TableColumn<JobRow, String> userColumn;
    @FXML
    private Label detailsTitle;
    @FXML
    private Label detailsSummary;
    @FXML
    private ListView<String> timeline;
    @FXML
    private Label rejectedTitle;
    @FXML
    private ListView<String> rejected;

    /** The screen on its own, outside the shell: for the benchmark and tests. */
    public static Parent load(JobsViewModel viewModel, LoadFileChooser chooser) {
        return Fxml.load(FXML, new ControllerFactory().register(JobsView.class, () -> new JobsView(viewModel, chooser)));
    }

    public JobsView(JobsViewModel viewModel) {
        this(viewModel, null);
    }

    /** @param chooser null for the system's file chooser */
    public JobsView(JobsViewModel viewModel, LoadFileChooser chooser) {
        this.viewModel = viewModel;
        this.newLoad = viewModel.newLoad();
        this.chooser = chooser;
    }

    @FXML
    private void initialize() {
        feedStatus.textProperty().bind(viewModel.feedStatusProperty());
        offlineBanner.visibleProperty().bind(viewModel.feedOnlineProperty().not());
        offlineBanner.managedProperty().bind(offlineBanner.visibleProperty());
        offlineText.textProperty().bind(viewModel.feedStatusProperty());
        message.textProperty().bind(viewModel.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());

        jobTable.setItems(viewModel.rows());
        // every column at its content's width; Source, the one that varies, takes the rest
        FillColumnResize.apply(jobTable, sourceColumn);
        stateColumn.setCellValueFactory(c -> c.getValue().stateProperty());
        stateColumn.setCellFactory(c -> new StateCell());
        kindColumn.setCellValueFactory(c -> Bindings.createStringBinding(c.getValue()::kind));
        kindColumn.setCellFactory(TextFitCell.factory());
        sourceColumn.setCellValueFactory(c -> Bindings.createStringBinding(c.getValue()::source,
                c.getValue().nameProperty()));
        sourceColumn.setCellFactory(c -> new SourceCell());
        progressColumn.setCellValueFactory(c -> Bindings.createObjectBinding(() -> new Bar(
                c.getValue().progressProperty().get(), c.getValue().percentProperty().get()),
                c.getValue().progressProperty(), c.getValue().percentProperty()));
        progressColumn.setCellFactory(c -> new ProgressCell());
        figure(amountColumn, JobRow::amountProperty, JobRow::amountExact);
        figure(rateColumn, JobRow::rateProperty, JobRow::rateExact);
        text(etaColumn, JobRow::etaProperty);
        figure(errorsColumn, JobRow::errorsProperty, JobRow::errorsExact);
        userColumn.setCellValueFactory(c -> Bindings.createStringBinding(c.getValue()::requestedBy));
        amountColumn.getStyleClass().add("numeric");
        rateColumn.getStyleClass().add("numeric");
        etaColumn.getStyleClass().add("numeric");
        errorsColumn.getStyleClass().add("numeric");

        jobTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            viewModel.selectedProperty().set(row);
            showDetails();
        });
        viewModel.onBatch(changed -> {
            JobRow shown = viewModel.selectedProperty().get();
            if (shown != null && changed.contains(shown)) {
                showDetails();
            }
        });
        showDetails();
        timeline.setCellFactory(list -> new WrappingCell());
        rejected.setCellFactory(list -> new WrappingCell());

        newLoadPane.visibleProperty().bind(newLoad.openProperty());
        newLoadPane.managedProperty().bind(newLoadPane.visibleProperty());
        loadFile.textProperty().bind(newLoad.fileProperty());
        loadDetected.textProperty().bind(Bindings.createStringBinding(() -> newLoad.detectedProperty().get() == null
                ? (newLoad.busyProperty().get() ? "Reading the file…" : "")
                : newLoad.detectedProperty().get().description(), newLoad.detectedProperty(), newLoad.busyProperty()));
        loadName.textProperty().bindBidirectional(newLoad.nameProperty());
        loadLocation.textProperty().bindBidirectional(newLoad.locationProperty());
        loadOption.textProperty().bindBidirectional(newLoad.optionProperty());
        loadError.textProperty().bind(newLoad.errorProperty());
        loadError.managedProperty().bind(loadError.textProperty().isNotEmpty());
        newLoad.detectedProperty().addListener((obs, old, d) -> showForm(d));
        showForm(null);
        loadSubmit.disableProperty().bind(newLoad.busyProperty().or(newLoad.detectedProperty().isNull()));
    }

    private static void text(TableColumn<JobRow, String> column,
                             Function<JobRow, ObservableValue<String>> property) {
        column.setCellValueFactory(c -> property.apply(c.getValue()));
        column.setCellFactory(TextFitCell.factory());
    }

    /** A column of figures written short ("1.23M / 9.88M rows"), every digit on hover. */
    private static void figure(TableColumn<JobRow, String> column, Function<JobRow, ObservableValue<String>> property,
                               Function<JobRow, String> exact) {
        HoverTooltip tooltip = new HoverTooltip();
        column.setCellValueFactory(c -> property.apply(c.getValue()));
        column.setCellFactory(c -> new FigureCell(tooltip, exact));
    }

    private void showForm(LoadDetector.DetectedLoad load) {
        boolean dataset = load != null && load.dataset();
        boolean location = load != null && load.needsLocation();
        for (Node node : List.of(loadNameLabel, loadName)) {
            node.setVisible(dataset);
            node.setManaged(dataset);
        }
        for (Node node : List.of(loadLocationLabel, loadLocation)) {
            node.setVisible(location);
            node.setManaged(location);
        }
        loadOptionLabel.setText(dataset ? "Rate limit (MB/s)" : "Max rejected (%)");
        loadOption.setPromptText(dataset ? "empty: as fast as Cassandra takes it" : "default 1");
    }

    private void showDetails() {
        JobRow row = viewModel.selectedProperty().get();
        cancelButton.setDisable(row == null || !row.cancellable());
        retryButton.setDisable(row == null || !row.retryable());
        if (row == null) {
            detailsTitle.setText("Select a job for its details");
            detailsSummary.setText("");
            timeline.getItems().clear();
            rejected.getItems().clear();
            return;
        }
        ProgressEvent last = row.latest();
        detailsTitle.setText(row.kind() + " " + row.jobId() + " · " + last.state().label()
                + (last.phase() == null || last.phase().isEmpty() ? "" : " (" + last.phase() + ")"));
        detailsSummary.setText(String.join("\n", List.of(
                "Source: " + row.sourcePaths(),
                "Started by " + row.requestedBy() + " · latency p50 " + millis(last.p50Ms()) + ", p99 "
                        + millis(last.p99Ms()),
                last.message() == null ? "" : last.message().replace('\t', ' '))).strip());
        List<String> entries = new ArrayList<>(row.timeline().stream().map(JobsView::timelineEntry).toList());
        Collections.reverse(entries);
        timeline.getItems().setAll(entries);
        rejectedTitle.setText(last.errors() > last.rejected().size()
                ? String.format(Locale.ROOT, "Rejected rows (first %d of %,d)", last.rejected().size(), last.errors())
                : "Rejected rows");
        rejected.getItems().setAll(last.rejected());
    }

    private static String millis(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f ms", value);
    }

    private static String timelineEntry(ProgressEvent e) {
        return String.format(Locale.ROOT, "%s  #%d  %s  %s%s%s", TIME.format(e.ts()), e.seq(), e.state().label(),
                e.phase() == null ? "" : e.phase(), e.fractionKnown() ? "  " + e.percent() : "", e.message() == null || e.message().isEmpty()
                        ? "" : "  " + e.headline());
    }

    @FXML
    private void onNewLoad() {
        newLoad.start(chooser != null ? chooser : this::chooseWithDialog);
    }

    private Optional<Path> chooseWithDialog() {
        FileChooser dialog = new FileChooser();
        dialog.setTitle("Load a file");
        dialog.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("All files", "*"),
                new FileChooser.ExtensionFilter("PM2.5 CSV", "*.csv", "*.csv.gz"),
                new FileChooser.ExtensionFilter("IDX datasets", "*-ubyte", "*-ubyte.gz", "*.idx", "*.idx.gz"));
        File file = dialog.showOpenDialog(jobTable.getScene().getWindow());
        return Optional.ofNullable(file).map(File::toPath);
    }

    @FXML
    private void onSubmitLoad() {
        newLoad.submit();
    }

    @FXML
    private void onCloseLoad() {
        newLoad.close();
    }

    @FXML
    private void onCancel() {
        viewModel.cancel(viewModel.selectedProperty().get());
    }

    @FXML
    private void onRetry() {
        viewModel.retry(viewModel.selectedProperty().get());
    }

    /** What the Progress column shows: the bar's value (negative: indeterminate) and the percentage, if any. */
    private record Bar(double progress, String percent) {
    }

    /**
     * The bar and its percentage; a failed or cancelled job's bar stops where the job did. A job
     * without a known total (a running query export) has an indeterminate bar and no percentage.
     */
    private static final class ProgressCell extends TableCell<JobRow, Bar> {

        private final ProgressBar bar = new ProgressBar();
        private final Label percent = new Label();
        private final HBox box = new javafx.scene.layout.HBox(6, bar, percent);

        ProgressCell() {
            bar.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(bar, Priority.ALWAYS);
            percent.getStyleClass().add("jobs-percent");
            percent.setMinWidth(Region.USE_PREF_SIZE);
            bar.setMinWidth(0);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Bar value, boolean empty) {
            super.updateItem(value, empty);
            if (empty || value == null) {
                setGraphic(null);
                return;
            }
            bar.setProgress(value.progress());
            percent.setText(value.percent());
            setGraphic(box);
        }
    }

    /** A short figure that keeps its column wide enough ({@link TextFitCell}) and shows every digit on hover. */
    private static final class FigureCell extends TextFitCell<JobRow> {

        private final HoverTooltip tooltip;
        private final Function<JobRow, String> exact;

        FigureCell(HoverTooltip tooltip, Function<JobRow, String> exact) {
            this.tooltip = tooltip;
            this.exact = exact;
            tooltip.install(this, this::exactText);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            tooltip.update(this, empty ? null : exactText());
        }

        private String exactText() {
            JobRow row = isEmpty() || getTableRow() == null ? null : getTableRow().getItem();
            return row == null ? null : exact.apply(row);
        }
    }

    /** The job's name and files; the full paths on hover. */
    private static final class SourceCell extends TableCell<JobRow, String> {

        private final Tooltip tip = new Tooltip();

        @Override
        protected void updateItem(String source, boolean empty) {
            super.updateItem(source, empty);
            JobRow row = empty ? null : getTableRow().getItem();
            setText(empty ? null : source);
            if (row == null || row.sourcePaths().isEmpty()) {
                setTooltip(null);
                return;
            }
            tip.setText(row.sourcePaths());
            setTooltip(tip);
        }
    }

    /**
     * A list line that wraps at the list's width instead of running off to the right. Its width is
     * left to the list (no preferred width of its own, so no sideways scrolling), and its height is
     * its text's, wrapped at the width the list gives it, measured as a {@link Text} draws it: the
     * label's own preferred height counted a three-line timeline entry as two, and the entry was
     * drawn cut ("exported 420,768 rows of …").
     */
    private static final class WrappingCell extends ListCell<String> {

        /** Measures on the FX thread only, where every cell is laid out. */
        private static final Text MEASURE = new Text();
        /** Room above and below the text, as a one-line cell of the theme has. */
        private static final double AIR = 6;

        WrappingCell() {
            setWrapText(true);
            setMinWidth(0);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            setText(empty ? null : line);
        }

        /** The height of its text wrapped at {@code width}, measured as it is drawn, and a little air. */
        @Override
        protected double computePrefHeight(double width) {
            String text = getText();
            if (width <= 0 || text == null || text.isEmpty()) {
                return super.computePrefHeight(width);
            }
            MEASURE.setFont(getFont());
            MEASURE.setLineSpacing(getLineSpacing());
            MEASURE.setWrappingWidth(width - snappedLeftInset() - snappedRightInset());
            MEASURE.setText(text);
            return Math.ceil(MEASURE.getLayoutBounds().getHeight()) + snappedTopInset() + snappedBottomInset() + AIR;
        }
    }

    /** The state as a colored word. */
    private static final class StateCell extends TableCell<JobRow, JobState> {

        @Override
        protected void updateItem(JobState state, boolean empty) {
            super.updateItem(state, empty);
            getStyleClass().removeAll("job-running", "job-succeeded", "job-failed", "job-cancelled", "job-queued");
            if (empty || state == null) {
                setText(null);
                return;
            }
            setText(state.label());
            getStyleClass().add("job-" + state.label());
        }
    }
}
