package io.ringside.ui.cache;

import static io.ringside.ui.cache.CacheBindings.show;
import static io.ringside.ui.cache.CacheBindings.text;

import io.ringside.core.data.cache.KeyCoherence;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Controller of {@code fxml/cache/CoherencePane.fxml}, the Coherence tab: which namespaces and how
 * many keys to check, the result table and the "Evict stale" action. Binds to {@link CoherenceViewModel}.
 */
public final class CoherencePane {

    private final CoherenceViewModel coherence;

    @FXML
    private ComboBox<CoherenceViewModel.Scope> scopeChooser;
    @FXML
    private Spinner<Integer> sampleSpinner;
    @FXML
    private Button checkButton;
    @FXML
    private Button evictStaleButton;
    @FXML
    private Label coherenceSummary;
    @FXML
    private Label coherenceError;
    @FXML
    private TableView<KeyCoherence> coherenceTable;
    @FXML
    private TableColumn<KeyCoherence, String> stateColumn;
    @FXML
    private TableColumn<KeyCoherence, String> ttlColumn;
    @FXML
    private TableColumn<KeyCoherence, String> keyColumn;
    @FXML
    private TableColumn<KeyCoherence, String> detailColumn;

    public CoherencePane(CoherenceViewModel coherence) {
        this.coherence = coherence;
    }

    @FXML
    private void initialize() {
        scopeChooser.getItems().setAll(CoherenceViewModel.Scope.values());
        scopeChooser.valueProperty().bindBidirectional(coherence.scopeProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory sample =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 1_000_000, coherence.sampleProperty().get(), 50);
        sampleSpinner.setValueFactory(sample);
        sample.valueProperty().addListener((obs, old, now) -> coherence.sampleProperty().set(now == null ? 0 : now));
        checkButton.disableProperty().bind(coherence.busyProperty());
        evictStaleButton.disableProperty().bind(coherence.busyProperty().or(coherence.staleFoundProperty().not()));
        coherenceSummary.textProperty().bind(coherence.summaryProperty());
        coherenceError.textProperty().bind(coherence.errorProperty());
        show(coherenceError, coherenceError.textProperty().isNotEmpty());
        coherenceTable.setItems(coherence.rows());
        coherenceTable.setPlaceholder(new Label("Press Check coherence to compare the cache with Cassandra"));
        stateColumn.setCellValueFactory(text(k -> k.state().label()));
        ttlColumn.setCellValueFactory(text(KeyCoherence::ttlText));
        keyColumn.setCellValueFactory(text(KeyCoherence::key));
        detailColumn.setCellValueFactory(text(KeyCoherence::detail));
    }

    @FXML
    private void check() {
        coherence.check();
    }

    @FXML
    private void evictStale() {
        coherence.evictStale();
    }
}
