package io.ringside.ui.trends;

import io.ringside.core.data.pm25.AqiCategory;
import io.ringside.core.data.pm25.TrendSummary;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.ControllerFactory;
import io.ringside.ui.util.Fxml;
import io.ringside.ui.util.TaskExecutor;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javafx.util.Callback;
import javafx.util.StringConverter;
import javafx.util.converter.LocalDateStringConverter;
import javax.imageio.ImageIO;

/** Controller of {@code fxml/trends/TrendsView.fxml}: binds to {@link TrendsViewModel}, draws its series. */
public final class TrendsView {

    public static final String FXML = "/fxml/trends/TrendsView.fxml";
    private static final List<Integer> ROLLING = List.of(0, 7, 30);

    private final TrendsViewModel viewModel;
    private final TaskExecutor executor;

    @FXML
    private ListView<String> locationList;
    @FXML
    private DatePicker fromPicker;
    @FXML
    private DatePicker toPicker;
    @FXML
    private ChoiceBox<Integer> rollingChooser;
    @FXML
    private CheckBox bypassBox;
    @FXML
    private TextField thresholdField;
    @FXML
    private Button loadButton;
    @FXML
    private Button exportPngButton;
    @FXML
    private Button exportCsvButton;
    @FXML
    private Label cacheStatus;
    @FXML
    private Label errorText;
    @FXML
    private Label hoverText;
    @FXML
    private VBox summaryBox;
    @FXML
    private TrendChart chart;
    @FXML
    private TextField locationSearch;
    @FXML
    private FlowPane aqiLegend;

    public TrendsView(TrendsViewModel viewModel, TaskExecutor executor) {
        this.viewModel = viewModel;
        this.executor = executor;
    }

    public static Parent load(TrendsViewModel viewModel, TaskExecutor executor) {
        return Fxml.load(FXML, new ControllerFactory().register(TrendsView.class, () -> new TrendsView(viewModel, executor)));
    }

    @FXML
    private void initialize() {
        locationList.setItems(viewModel.foundLocations());
        locationList.setCellFactory(list -> new LocationCell(viewModel::checkedProperty));
        locationSearch.textProperty().bindBidirectional(viewModel.searchProperty());
        // Enter charts the one location left; Shift+Enter adds it to those compared
        locationSearch.setOnAction(event -> viewModel.chooseFound(false));
        locationSearch.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && event.isShiftDown()) {
                viewModel.chooseFound(true);
                event.consume();
            }
        });
        chart.thresholdProperty().bind(viewModel.thresholdProperty());
        showAqiLegend();
        fromPicker.setConverter(new LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ISO_LOCAL_DATE));
        toPicker.setConverter(new LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ISO_LOCAL_DATE));
        fromPicker.valueProperty().bindBidirectional(viewModel.fromProperty());
        toPicker.valueProperty().bindBidirectional(viewModel.toProperty());
        rollingChooser.getItems().setAll(ROLLING);
        rollingChooser.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer days) {
                return days == null || days == 0 ? "No rolling mean" : days + "-day rolling mean";
            }

            @Override
            public Integer fromString(String text) {
                return 0;
            }
        });
        rollingChooser.setValue(viewModel.rollingDaysProperty().get());
        rollingChooser.valueProperty().addListener((obs, old, days) -> viewModel.rollingDaysProperty().set(days));
        bypassBox.selectedProperty().bindBidirectional(viewModel.bypassCacheProperty());
        thresholdField.setText(String.valueOf(viewModel.thresholdProperty().get()));
        thresholdField.setOnAction(event -> applyThreshold());
        thresholdField.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                applyThreshold();
            }
        });
        loadButton.disableProperty().bind(viewModel.loadingProperty());
        loadButton.setOnAction(event -> viewModel.load());
        exportPngButton.setOnAction(event -> exportPng());
        exportCsvButton.setOnAction(event -> exportCsv());
        exportPngButton.disableProperty().bind(Bindings.isEmpty(viewModel.trends()));
        exportCsvButton.disableProperty().bind(Bindings.isEmpty(viewModel.trends()));
        cacheStatus.textProperty().bind(viewModel.cacheStatusProperty());
        errorText.textProperty().bind(viewModel.errorProperty());
        errorText.visibleProperty().bind(errorText.textProperty().isNotEmpty());
        errorText.managedProperty().bind(errorText.visibleProperty());
        viewModel.trends().addListener((ListChangeListener<LocationTrend>) change -> showTrends());
        chart.setOnMouseMoved(event -> {
            LocalDate day = chart.dayAt(event.getSceneX());
            hoverText.setText(day == null ? "" : viewModel.describeDay(day));
        });
        chart.setOnMouseExited(event -> hoverText.setText(""));
        showTrends();
    }

    /**
     * What the chart's colours mean: one swatch per AQI category (styled like its band) with its
     * range, and the threshold's dashed line with its value.
     */
    private void showAqiLegend() {
        for (AqiCategory category : AqiCategory.values()) {
            Rectangle swatch = new Rectangle(12, 12);
            swatch.getStyleClass().addAll("aqi-swatch", TrendChart.styleOf(category));
            String range = Double.isInfinite(category.high())
                    ? String.format(Locale.ROOT, "> %.1f", category.low() - 0.1)
                    : String.format(Locale.ROOT, "%.1f–%.1f", category.low(), category.high());
            Label entry = new Label(category.label() + " " + range, swatch);
            entry.setMinWidth(Region.USE_PREF_SIZE);
            aqiLegend.getChildren().add(entry);
        }
        Line dash = new Line(0, 0, 18, 0);
        dash.getStyleClass().add("threshold-line");
        Label threshold = new Label("", dash);
        threshold.setMinWidth(Region.USE_PREF_SIZE);
        threshold.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                "Threshold %.1f µg/m³", viewModel.thresholdProperty().get()), viewModel.thresholdProperty()));
        aqiLegend.getChildren().add(threshold);
    }

    private void applyThreshold() {
        try {
            viewModel.thresholdProperty().set(Double.parseDouble(thresholdField.getText().trim()));
        } catch (NumberFormatException e) {
            thresholdField.setText(String.valueOf(viewModel.thresholdProperty().get()));
        }
    }

    private void showTrends() {
        chart.show(viewModel.trends());
        summaryBox.getChildren().clear();
        for (LocationTrend trend : viewModel.trends()) {
            summaryBox.getChildren().addAll(locationLine(trend.summary().location()), figuresLine(trend.summary()));
        }
    }

    /**
     * A location's name on one line, cut with its whole name on hover when the page is narrower:
     * wrapped together with its figures, a name in Devanagari ran its first line past the window's
     * edge (JavaFX breaks such a paragraph at the right width but draws its first line whole).
     */
    private static Label locationLine(String location) {
        Label name = new Label(location);
        name.getStyleClass().addAll("trends-summary", "trends-summary-location", Styles.ELIDABLE);
        name.setTooltip(new Tooltip(location));
        name.setMinWidth(0);
        return name;
    }

    private static Label figuresLine(TrendSummary summary) {
        Label figures = new Label(describe(summary));
        figures.getStyleClass().add("trends-summary");
        figures.setWrapText(true);
        figures.setMinHeight(Region.USE_PREF_SIZE);
        return figures;
    }

    /** A location's figures, without its name (the line above has it). */
    private static String describe(TrendSummary s) {
        if (s.days() == 0) {
            return "no days in range";
        }
        return String.format(Locale.ROOT, "%d days · mean %.1f · max %.1f on %s · %d days above %.1f µg/m³",
                s.days(), s.mean(), s.max(), s.maxDate(), s.daysAbove(), s.threshold());
    }

    private Path choose(String description, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + description);
        chooser.setInitialFileName("pm25-trend." + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*." + extension));
        File file = chooser.showSaveDialog(chart.getScene().getWindow());
        return file == null ? null : file.toPath();
    }

    private void exportPng() {
        Path target = choose("PNG image", "png");
        if (target != null) {
            writePng(chart.snapshot(null, null), target);
        }
    }

    private void exportCsv() {
        Path target = choose("CSV data", "csv");
        if (target != null) {
            BackgroundTask.wrap(() -> {
                try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                    viewModel.writeCsv(out);
                }
                return target;
            }).onSuccess(this::exported).onFailure(this::exportFailed).executeWith(executor);
        }
    }

    private void writePng(WritableImage image, Path target) {
        BackgroundTask.wrap(() -> {
            if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", target.toFile())) {
                throw new IOException("No PNG writer available");
            }
            return target;
        }).onSuccess(this::exported).onFailure(this::exportFailed).executeWith(executor);
    }

    private void exported(Path target) {
        hoverText.setText("Exported " + target.getFileName());
    }

    private void exportFailed(Exception e) {
        hoverText.setText("Export failed: " + e.getMessage());
    }

    /**
     * A location's check box and its whole name, on as many lines as it needs: a station's name
     * with its place and its native spelling ("Hyderabad US Consulate, India (…)") is wider than
     * the list at any window size, and a cut name hid which of two alike stations it was. The whole
     * name also on hover, for one whose native spelling the row's height still cuts.
     */
    private static final class LocationCell extends CheckBoxListCell<String> {

        LocationCell(Callback<String, ObservableValue<Boolean>> checked) {
            super(checked);
            setWrapText(true);
            getStyleClass().add(Styles.ELIDABLE); // a name longer than the lines the row has: the tooltip has it
            // no wider than the list, so the text wraps instead of the list scrolling sideways
            setPrefWidth(0);
        }

        @Override
        public void updateItem(String name, boolean empty) {
            super.updateItem(name, empty);
            setTooltip(empty || name == null ? null : new Tooltip(name));
        }
    }
}
