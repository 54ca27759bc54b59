package io.ringside.ui.shell;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * Controller of {@code fxml/shell/ShellView.fxml}: navigation rail, page area, status bar.
 * Entries of later releases are disabled buttons inside a slot carrying the tooltip, because a
 * disabled control receives no mouse events and would never show its own tooltip.
 */
public final class ShellView {

    static final String COMING_LATER = "coming in a later release";

    private final ShellViewModel viewModel;

    @FXML
    private VBox comingLater;
    @FXML
    private Label profile;
    @FXML
    private Label dataFolder;
    @FXML
    private Label version;
    @FXML
    private ProgressIndicator closingIndicator;
    @FXML
    private Label closingMessage;

    public ShellView(ShellViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        for (Node slot : comingLater.getChildren()) {
            Tooltip.install(slot, new Tooltip(COMING_LATER));
        }
        profile.textProperty().bind(viewModel.profileProperty());
        dataFolder.textProperty().bind(viewModel.dataFolderProperty());
        dataFolder.setTooltip(new Tooltip());
        dataFolder.getTooltip().textProperty().bind(viewModel.dataFolderProperty());
        version.textProperty().bind(viewModel.versionProperty());
        closingMessage.textProperty().bind(viewModel.closingMessageProperty());
        closingIndicator.visibleProperty().bind(viewModel.closingMessageProperty().isNotEmpty());
        closingIndicator.managedProperty().bind(closingIndicator.visibleProperty());
    }
}
