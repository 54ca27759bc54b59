package io.ringside.ui.cache;

import static io.ringside.ui.cache.CacheBindings.bindRunControls;

import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;

/**
 * Controller of {@code fxml/cache/EvictionPane.fxml}, the evict-by-pattern dialog laid over the
 * page: binds to {@link EvictionViewModel}.
 */
public final class EvictionPane {

    private final EvictionViewModel eviction;

    @FXML
    private StackPane evictOverlay;
    @FXML
    private TextField evictPatternField;
    @FXML
    private Button previewButton;
    @FXML
    private Label evictSummary;
    @FXML
    private ListView<String> evictSample;
    @FXML
    private TextField evictConfirmField;
    @FXML
    private ProgressBar evictProgress;
    @FXML
    private Label evictError;
    @FXML
    private Button evictPauseButton;
    @FXML
    private Button evictResumeButton;
    @FXML
    private Button evictCancelButton;
    @FXML
    private Button evictCloseButton;
    @FXML
    private Button evictConfirmButton;

    public EvictionPane(EvictionViewModel eviction) {
        this.eviction = eviction;
    }

    @FXML
    private void initialize() {
        evictOverlay.setVisible(false);
        evictPatternField.textProperty().bindBidirectional(eviction.patternProperty());
        evictConfirmField.textProperty().bindBidirectional(eviction.typedProperty());
        evictSummary.textProperty().bind(eviction.summaryProperty());
        evictError.textProperty().bind(eviction.errorProperty());
        evictSample.setItems(eviction.sample());
        evictProgress.progressProperty().bind(eviction.progressProperty());
        evictConfirmButton.disableProperty().bind(eviction.confirmableProperty().not());
        ObservableValue<EvictionViewModel.Phase> phase = eviction.phaseProperty();
        bindRunControls(phase, EvictionViewModel.Phase.EVICTING, EvictionViewModel.Phase.PAUSED,
                evictPauseButton, evictResumeButton, evictCancelButton);
        evictCloseButton.disableProperty().bind(evictCancelButton.disableProperty().not());
        previewButton.disableProperty().bind(evictCloseButton.disableProperty());
        evictPatternField.disableProperty().bind(evictCloseButton.disableProperty());
    }

    /** Opens the dialog on {@code pattern}, the focus in the field where the pattern is typed again. */
    void open(String pattern) {
        eviction.open(pattern);
        evictOverlay.setVisible(true);
        evictConfirmField.requestFocus();
    }

    @FXML
    private void onPreview() {
        eviction.showPreview();
    }

    @FXML
    private void onEvictConfirm() {
        eviction.evict();
    }

    @FXML
    private void onEvictPause() {
        eviction.pause();
    }

    @FXML
    private void onEvictResume() {
        eviction.resume();
    }

    @FXML
    private void onEvictCancel() {
        eviction.cancel();
    }

    @FXML
    private void onEvictClose() {
        evictOverlay.setVisible(false);
    }
}
