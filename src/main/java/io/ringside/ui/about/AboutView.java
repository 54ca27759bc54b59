package io.ringside.ui.about;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;

/** Controller of {@code fxml/about/AboutView.fxml}: one label per fact, copy, close. */
public final class AboutView {

    public static final String FXML = "/fxml/about/AboutView.fxml";

    private final AboutViewModel viewModel;
    private final Runnable showWelcome;
    private final Runnable close;

    @FXML
    private VBox aboutLines;
    @FXML
    private Label aboutDataFolder;

    /**
     * @param showWelcome shows the welcome page (and closes the dialog)
     * @param close       closes the dialog
     */
    public AboutView(AboutViewModel viewModel, Runnable showWelcome, Runnable close) {
        this.viewModel = viewModel;
        this.showWelcome = showWelcome;
        this.close = close;
    }

    @FXML
    private void initialize() {
        for (String line : viewModel.lines()) {
            Label label = new Label(line);
            label.setWrapText(true);
            label.getStyleClass().add("about-line");
            aboutLines.getChildren().add(label);
        }
        aboutDataFolder.setText(viewModel.dataFolder());
    }

    @FXML
    private void onWelcome() {
        showWelcome.run();
        close.run();
    }

    @FXML
    private void onCopy() {
        ClipboardContent content = new ClipboardContent();
        content.putString(viewModel.text());
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void onClose() {
        close.run();
    }
}
