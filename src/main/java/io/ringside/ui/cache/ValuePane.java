package io.ringside.ui.cache;

import static io.ringside.ui.cache.CacheBindings.show;
import static io.ringside.ui.cache.CacheBindings.text;

import io.ringside.core.redis.ValueView;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;

/** Controller of {@code fxml/cache/ValuePane.fxml}, the value viewer beside the key table: binds to {@link ValueViewModel}. */
public final class ValuePane {

    private final ValueViewModel value;

    @FXML
    private Label valueTitle;
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
        valueDetails.textProperty().bind(value.detailsProperty());
        valueText.textProperty().bind(value.textProperty());
        valueError.textProperty().bind(value.errorProperty());
        show(valueError, value.errorProperty().isNotEmpty());
        show(loadAnywayButton, value.guardedProperty());
        show(nextPageButton, value.hasNextPageProperty());
        saveButton.disableProperty().bind(value.titleProperty().isEmpty());
        valueText.visibleProperty().bind(value.collectionProperty().not());
        entryTable.visibleProperty().bind(value.collectionProperty());
        entryTable.setItems(value.entries());
        entryNameColumn.setCellValueFactory(text(ValueView.Entry::name));
        entryValueColumn.setCellValueFactory(text(ValueView.Entry::value));
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
