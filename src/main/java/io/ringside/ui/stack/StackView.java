package io.ringside.ui.stack;

import io.ringside.ui.util.BadgeCell;
import io.ringside.ui.util.ContentColumnWidths;
import io.ringside.ui.util.ElidedTextCells;
import io.ringside.ui.util.TableHeaders;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;

/** Controller of {@code fxml/stack/StackView.fxml}: binds to {@link StackViewModel}, forwards clicks. */
public final class StackView {

    private final StackViewModel viewModel;
    private boolean logScrollPending;

    @FXML
    private Label summary;
    @FXML
    private Label portNotice;
    @FXML
    private ProgressIndicator busyIndicator;
    @FXML
    private Button startButton;
    @FXML
    private Button stopButton;
    @FXML
    private Region errorBanner;
    @FXML
    private Label errorTitle;
    @FXML
    private TextArea errorMessage;
    @FXML
    private TableView<ServerRow> servers;
    @FXML
    private TableColumn<ServerRow, String> nameColumn;
    @FXML
    private TableColumn<ServerRow, ServerStatus> statusColumn;
    @FXML
    private TableColumn<ServerRow, String> detailColumn;
    @FXML
    private TableColumn<ServerRow, String> elapsedColumn;
    @FXML
    private TableColumn<ServerRow, String> endpointColumn;
    @FXML
    private TableColumn<ServerRow, String> pidColumn;
    @FXML
    private TableColumn<ServerRow, String> versionColumn;
    @FXML
    private ListView<String> eventLog;

    public StackView(StackViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        TableHeaders.keepWhole(servers);
        summary.textProperty().bind(viewModel.summaryProperty());
        portNotice.textProperty().bind(viewModel.portNoticeProperty());
        portNotice.visibleProperty().bind(viewModel.portNoticeProperty().isNotEmpty());
        portNotice.managedProperty().bind(portNotice.visibleProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        busyIndicator.managedProperty().bind(busyIndicator.visibleProperty());
        startButton.disableProperty().bind(viewModel.canStartProperty().not());
        stopButton.disableProperty().bind(viewModel.canStopProperty().not());

        errorBanner.visibleProperty().bind(viewModel.errorShownProperty());
        errorBanner.managedProperty().bind(viewModel.errorShownProperty());
        errorTitle.textProperty().bind(viewModel.errorTitleProperty());
        errorMessage.textProperty().bind(viewModel.errorMessageProperty());
        errorMessage.prefRowCountProperty().bind(Bindings.createIntegerBinding(
                () -> (int) Math.min(10, viewModel.errorMessageProperty().get().lines().count() + 2),
                viewModel.errorMessageProperty()));

        // a row's fields change in place (elapsed each second, the version once known): the table is
        // told of each change, so its columns are sized again to what they show
        ObservableList<ServerRow> shown = FXCollections.observableArrayList(row -> new Observable[] {
            row.statusProperty(), row.detailProperty(), row.elapsedProperty(), row.endpointProperty(),
            row.pidProperty(), row.versionProperty()});
        Bindings.bindContent(shown, viewModel.rows());
        servers.setItems(shown);
        nameColumn.setCellValueFactory(cell -> cell.getValue().nameProperty());
        statusColumn.setCellValueFactory(cell -> cell.getValue().statusProperty());
        statusColumn.setCellFactory(column -> new BadgeCell<>(ServerStatus::label, ServerStatus::tone));
        detailColumn.setCellValueFactory(cell -> cell.getValue().detailProperty());
        detailColumn.setCellFactory(ElidedTextCells.withWholeTextTooltip());
        elapsedColumn.setCellValueFactory(cell -> cell.getValue().elapsedProperty());
        endpointColumn.setCellValueFactory(cell -> cell.getValue().endpointProperty());
        pidColumn.setCellValueFactory(cell -> cell.getValue().pidProperty());
        versionColumn.setCellValueFactory(cell -> cell.getValue().versionProperty());
        // headers and figures whole at the minimum window; the detail (a log line, say) takes the rest
        ContentColumnWidths.apply(servers, detailColumn).text(statusColumn, row -> row.statusProperty().get().label());

        eventLog.setItems(viewModel.log());
        eventLog.getItems().addListener((ListChangeListener<String>) change -> scrollLogToEndLater());
    }

    /**
     * The list's skin learns of new items after this view does, so scrolling at once would stop
     * short of them; one scroll per pulse, after the skin has caught up.
     */
    private void scrollLogToEndLater() {
        if (!logScrollPending) {
            logScrollPending = true;
            Platform.runLater(() -> {
                logScrollPending = false;
                eventLog.scrollTo(eventLog.getItems().size() - 1);
            });
        }
    }

    @FXML
    private void onStart() {
        viewModel.start();
    }

    @FXML
    private void onStop() {
        viewModel.stop();
    }

    @FXML
    private void onDismissError() {
        viewModel.dismissError();
    }
}
