package io.ringside.ui.cache;

import static io.ringside.ui.cache.CacheBindings.show;
import static io.ringside.ui.cache.CacheBindings.text;

import io.ringside.core.data.pm25.DailyPm25;
import io.ringside.core.redis.ValueView;
import java.io.File;
import java.util.Locale;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Controller of {@code fxml/cache/ValuePane.fxml}, the value viewer beside the key table: binds to
 * {@link ValueViewModel}. A cached PM2.5 year shows as a sparkline of its daily averages over a
 * table of its days; the escaped key stays under the readable title, in its tooltip and on "Copy key".
 */
public final class ValuePane {

    private final ValueViewModel value;

    @FXML
    private Label valueTitle;
    @FXML
    private TextField valueRawKey;
    @FXML
    private Button copyKeyButton;
    @FXML
    private VBox seriesBox;
    @FXML
    private Sparkline seriesSparkline;
    @FXML
    private TableView<DailyPm25> seriesTable;
    @FXML
    private TableColumn<DailyPm25, String> dayDateColumn;
    @FXML
    private TableColumn<DailyPm25, String> dayAvgColumn;
    @FXML
    private TableColumn<DailyPm25, String> dayMinColumn;
    @FXML
    private TableColumn<DailyPm25, String> dayMaxColumn;
    @FXML
    private TableColumn<DailyPm25, String> daySamplesColumn;
    @FXML
    private Label valueDetails;
    @FXML
    private Button loadAnywayButton;
    @FXML
    private Button nextPageButton;
    @FXML
    private Button saveButton;
    @FXML
    private Label valueError;
    @FXML
    private TextArea valueText;
    @FXML
    private TableView<ValueView.Entry> entryTable;
    @FXML
    private TableColumn<ValueView.Entry, String> entryNameColumn;
    @FXML
    private TableColumn<ValueView.Entry, String> entryValueColumn;

    public ValuePane(ValueViewModel value) {
        this.value = value;
    }

    @FXML
    private void initialize() {
        valueTitle.textProperty().bind(Bindings.when(value.titleProperty().isEmpty())
                .then("Select a key to see its value").otherwise(value.titleProperty()));
        Tooltip rawKey = new Tooltip();
        rawKey.textProperty().bind(value.rawKeyProperty());
        valueTitle.setTooltip(rawKey);
        valueRawKey.textProperty().bind(value.rawKeyProperty());
        show(valueRawKey, value.readableTitleProperty());
        copyKeyButton.disableProperty().bind(value.rawKeyProperty().isEmpty());
        valueDetails.textProperty().bind(value.detailsProperty());
        valueText.textProperty().bind(value.textProperty());
        valueError.textProperty().bind(value.errorProperty());
        show(valueError, value.errorProperty().isNotEmpty());
        show(loadAnywayButton, value.guardedProperty());
        show(nextPageButton, value.hasNextPageProperty());
        saveButton.disableProperty().bind(value.titleProperty().isEmpty());
        valueText.visibleProperty().bind(value.collectionProperty().not().and(value.seriesProperty().not()));
        entryTable.visibleProperty().bind(value.collectionProperty());
        seriesBox.visibleProperty().bind(value.seriesProperty());
        seriesTable.setItems(value.days());
        dayDateColumn.setCellValueFactory(text(day -> day.date().toString()));
        dayAvgColumn.setCellValueFactory(text(day -> figure(day.avg())));
        dayMinColumn.setCellValueFactory(text(day -> figure(day.min())));
        dayMaxColumn.setCellValueFactory(text(day -> figure(day.max())));
        daySamplesColumn.setCellValueFactory(text(day -> day.samples() == null ? "—" : day.samples().toString()));
        value.days().addListener((ListChangeListener<DailyPm25>) change ->
                seriesSparkline.setValues(value.days().stream().mapToDouble(DailyPm25::avg).toArray()));
        entryTable.setItems(value.entries());
        entryNameColumn.setCellValueFactory(text(ValueView.Entry::name));
        entryValueColumn.setCellValueFactory(text(ValueView.Entry::value));
    }

    private static String figure(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.1f", value);
    }

    @FXML
    private void onCopyKey() {
        Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, value.rawKeyProperty().get()));
    }

    @FXML
    private void onLoadAnyway() {
        value.loadAnyway();
    }

    @FXML
    private void onNextPage() {
        value.nextPage();
    }

    @FXML
    private void onSave() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the value of " + value.titleProperty().get());
        File file = chooser.showSaveDialog(saveButton.getScene().getWindow());
        if (file != null) {
            value.save(file.toPath());
        }
    }
}
