package io.ringside.ui.stack;

import io.ringside.ui.util.BadgeCell;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;

/** Controller of {@code fxml/stack/StartProgressView.fxml}: binds to {@link StartProgressViewModel}. */
public final class StartProgressView {

    public static final String FXML = "/fxml/stack/StartProgressView.fxml";

    private final StartProgressViewModel viewModel;

    @FXML
    private ProgressIndicator startBusy;
    @FXML
    private Label startTitle;
    @FXML
    private Label startSummary;
    @FXML
    private TableView<ServerRow> startServers;
    @FXML
    private TableColumn<ServerRow, String> startNameColumn;
    @FXML
    private TableColumn<ServerRow, ServerStatus> startStatusColumn;
    @FXML
    private TableColumn<ServerRow, String> startDetailColumn;
    @FXML
    private TableColumn<ServerRow, String> startElapsedColumn;
    @FXML
    private TextArea startFailure;
    @FXML
    private Button startCloseButton;

    public StartProgressView(StartProgressViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        startTitle.textProperty().bind(viewModel.titleProperty());
        startSummary.textProperty().bind(viewModel.summaryProperty());
        startSummary.visibleProperty().bind(viewModel.failedProperty().not());
        startSummary.managedProperty().bind(startSummary.visibleProperty());
        startBusy.visibleProperty().bind(viewModel.failedProperty().not());
        startBusy.managedProperty().bind(startBusy.visibleProperty());
        startServers.setItems(viewModel.rows());
        startNameColumn.setCellValueFactory(cell -> cell.getValue().nameProperty());
        startStatusColumn.setCellValueFactory(cell -> cell.getValue().statusProperty());
        startStatusColumn.setCellFactory(column -> new BadgeCell<>(ServerStatus::label, ServerStatus::tone));
        startDetailColumn.setCellValueFactory(cell -> cell.getValue().detailProperty());
        startElapsedColumn.setCellValueFactory(cell -> cell.getValue().elapsedProperty());
        startFailure.textProperty().bind(viewModel.failureProperty());
        startFailure.visibleProperty().bind(viewModel.failedProperty());
        startFailure.managedProperty().bind(startFailure.visibleProperty());
        viewModel.failedProperty().addListener((obs, was, failed) -> fitWindow());
        startCloseButton.textProperty().bind(Bindings.when(viewModel.failedProperty()).then("Close")
                .otherwise("Hide"));
    }

    /** The failure's text appears after the window was sized for the table alone. */
    private void fitWindow() {
        if (startFailure.getScene() != null && startFailure.getScene().getWindow() != null) {
            startFailure.getScene().getWindow().sizeToScene();
        }
    }

    @FXML
    private void onClose() {
        viewModel.close();
    }
}
