package io.ringside.ui.welcome;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;

/** Controller of {@code fxml/welcome/WelcomeView.fxml}: binds to {@link WelcomeViewModel}, forwards clicks. */
public final class WelcomeView {

    public static final String FXML = "/fxml/welcome/WelcomeView.fxml";

    private final WelcomeViewModel viewModel;
    private final Runnable openConnections;
    private final Runnable showStack;

    @FXML
    private ProgressIndicator welcomeBusy;
    @FXML
    private Label activity;
    @FXML
    private Label welcomeDataFolder;
    @FXML
    private Button loadSampleButton;
    @FXML
    private Label sampleNote;
    @FXML
    private Label welcomeMessage;
    @FXML
    private Label welcomeError;

    /**
     * @param openConnections shows the Connections dialog
     * @param showStack       shows the local stack page
     */
    public WelcomeView(WelcomeViewModel viewModel, Runnable openConnections, Runnable showStack) {
        this.viewModel = viewModel;
        this.openConnections = openConnections;
        this.showStack = showStack;
    }

    @FXML
    private void initialize() {
        activity.textProperty().bind(viewModel.activityProperty());
        welcomeBusy.visibleProperty().bind(viewModel.activityBusyProperty().or(viewModel.busyProperty()));
        welcomeBusy.managedProperty().bind(welcomeBusy.visibleProperty());
        welcomeDataFolder.textProperty().bind(viewModel.dataFolderProperty());
        loadSampleButton.disableProperty().bind(viewModel.canLoadSampleProperty().not());
        sampleNote.textProperty().bind(viewModel.sampleNoteProperty());
        welcomeMessage.textProperty().bind(viewModel.messageProperty());
        welcomeMessage.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        welcomeMessage.managedProperty().bind(welcomeMessage.visibleProperty());
        welcomeError.textProperty().bind(viewModel.errorProperty());
        welcomeError.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        welcomeError.managedProperty().bind(welcomeError.visibleProperty());
    }

    @FXML
    private void onLoadSample() {
        viewModel.loadSampleData();
    }

    @FXML
    private void onConnect() {
        openConnections.run();
    }

    @FXML
    private void onStackPage() {
        showStack.run();
    }
}
