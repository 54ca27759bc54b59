package io.ringside.ui.shell;

import io.ringside.ui.theme.Icons;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.theme.Theme;
import io.ringside.ui.connect.BackendState;
import io.ringside.ui.util.Fxml;
import io.ringside.ui.util.RunningTasks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Callback;
import org.controlsfx.control.NotificationPane;
import org.kordamp.ikonli.feather.Feather;

/**
 * Controller of {@code fxml/shell/ShellView.fxml}: the rail built from the page registry, the page
 * area (each page's FXML loaded once, on first showing), the status bar and the keyboard
 * shortcuts: Ctrl+1..9 pages, F5 or Ctrl+R refresh, Ctrl+Shift+T theme, Ctrl+Shift+P connections, F1 About.
 */
public final class ShellView {

    static final String COMING_LATER = "coming in a later release";
    static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination THEME = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    static final KeyCombination CONNECTIONS = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final ShellViewModel viewModel;
    private final Callback<Class<?>, Object> controllers;
    private final Runnable openConnections;
    private final Runnable openAbout;
    private final Map<String, Node> loadedPages = new HashMap<>();
    private final Map<String, Button> navButtons = new HashMap<>();

    @FXML
    private Parent shell;
    @FXML
    private VBox navItems;
    @FXML
    private StackPane pageArea;
    @FXML
    private NotificationPane notifications;
    @FXML
    private Button themeButton;
    @FXML
    private Region profileColor;
    @FXML
    private Label profile;
    @FXML
    private HBox backendStates;
    @FXML
    private Label dataFolder;
    @FXML
    private ProgressIndicator taskIndicator;
    @FXML
    private Label taskCount;
    @FXML
    private Label version;
    @FXML
    private ProgressIndicator closingIndicator;
    @FXML
    private Label closingMessage;

    /**
     * @param controllers     builds the controllers of the pages' FXML files
     * @param openConnections shows the connection profiles dialog
     * @param openAbout       shows the About dialog (F1)
     */
    public ShellView(ShellViewModel viewModel, Callback<Class<?>, Object> controllers, Runnable openConnections,
                     Runnable openAbout) {
        this.viewModel = viewModel;
        this.controllers = controllers;
        this.openConnections = openConnections;
        this.openAbout = openAbout;
    }

    @FXML
    private void initialize() {
        buildRail();
        viewModel.currentPageProperty().addListener((obs, old, page) -> showPage(page));
        if (viewModel.currentPageProperty().get() != null) {
            showPage(viewModel.currentPageProperty().get());
        }
        shell.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);

        themeButton.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.themeProperty().get() == Theme.DARK ? "Light theme" : "Dark theme",
                viewModel.themeProperty()));
        themeButton.graphicProperty().bind(Bindings.createObjectBinding(
                () -> Icons.of(viewModel.themeProperty().get() == Theme.DARK ? Feather.SUN : Feather.MOON),
                viewModel.themeProperty()));

        profile.textProperty().bind(viewModel.profileProperty());
        viewModel.activeProfileProperty().addListener((obs, old, active) -> paintProfileColor(active.color()));
        paintProfileColor(viewModel.activeProfileProperty().get().color());
        viewModel.connection().states().addListener((ListChangeListener<BackendState>) change -> showBackendStates());
        notifications.setGraphic(Icons.of(Feather.ALERT_TRIANGLE));
        viewModel.connection().lostProperty().addListener((obs, old, lost) -> {
            if (lost.isEmpty()) {
                notifications.hide();
            } else {
                notifications.show(lost);
            }
        });
        showBackendStates();

        dataFolder.textProperty().bind(viewModel.dataFolderProperty());
        dataFolder.setTooltip(new Tooltip());
        dataFolder.getTooltip().textProperty().bind(viewModel.dataFolderProperty());
        version.textProperty().bind(viewModel.versionProperty());

        taskCount.setTooltip(new Tooltip());
        viewModel.runningTasks().addListener((ListChangeListener<RunningTasks.Entry>) change -> showTasks());
        showTasks();

        closingMessage.textProperty().bind(viewModel.closingMessageProperty());
        closingIndicator.visibleProperty().bind(viewModel.closingMessageProperty().isNotEmpty());
        closingIndicator.managedProperty().bind(closingIndicator.visibleProperty());
    }

    private void buildRail() {
        List<Page> pages = viewModel.pages();
        for (int i = 0; i < pages.size(); i++) {
            Page page = pages.get(i);
            Button button = new Button(page.title(), Icons.page(page.id()));
            button.setGraphicTextGap(10);
            button.setId("nav-" + page.id());
            button.getStyleClass().add(Styles.NAV_ITEM);
            if (!page.available()) {
                button.getStyleClass().add(Styles.NAV_LATER);
            }
            String shortcut = i < PageRegistry.MAX_SHORTCUTS ? " (Ctrl+" + (i + 1) + ")" : "";
            String description = page.description() == null ? page.title() : page.description();
            button.setTooltip(new Tooltip(page.available() ? description + shortcut
                    : description + " — " + COMING_LATER + shortcut));
            button.setMaxWidth(Double.MAX_VALUE);
            button.setOnAction(event -> viewModel.select(page.id()));
            navButtons.put(page.id(), button);
            navItems.getChildren().add(button);
        }
    }

    private void showPage(Page page) {
        navButtons.forEach((id, button) -> {
            button.getStyleClass().remove(Styles.ACTIVE);
            if (id.equals(page.id())) {
                button.getStyleClass().add(Styles.ACTIVE);
            }
        });
        Node node = loadedPages.computeIfAbsent(page.id(), id -> build(page));
        pageArea.getChildren().setAll(node);
    }

    private Node build(Page page) {
        if (page.available()) {
            return Fxml.load(page.fxml(), controllers);
        }
        Label title = new Label(page.title());
        title.getStyleClass().add("page-title");
        Label description = new Label(page.description());
        description.getStyleClass().add("page-summary");
        description.setWrapText(true);
        Label later = new Label("This page is " + COMING_LATER + ".");
        later.getStyleClass().add("muted-text");
        VBox placeholder = new VBox(title, description, later);
        placeholder.setId("placeholder-" + page.id());
        placeholder.getStyleClass().add(Styles.PLACEHOLDER);
        return placeholder;
    }

    private void onKey(KeyEvent event) {
        if (event.isShortcutDown() && !event.isShiftDown() && !event.isAltDown()) {
            int number = event.getCode().isDigitKey() ? digit(event.getCode()) : -1;
            if (number > 0 && viewModel.selectShortcut(number)) {
                event.consume();
                return;
            }
        }
        if (event.getCode() == KeyCode.F5 || REFRESH.match(event)) {
            viewModel.refresh();
            event.consume();
        } else if (THEME.match(event)) {
            viewModel.toggleTheme();
            event.consume();
        } else if (CONNECTIONS.match(event)) {
            openConnections.run();
            event.consume();
        } else if (event.getCode() == KeyCode.F1) {
            openAbout.run();
            event.consume();
        }
    }

    private static int digit(KeyCode code) {
        String name = code.getName();
        char last = name.charAt(name.length() - 1);
        return Character.isDigit(last) ? last - '0' : -1;
    }

    private void paintProfileColor(String color) {
        profileColor.setStyle("-fx-background-color: " + (color.matches("#[0-9a-fA-F]{6}") ? color : "#6e7781") + ";");
    }

    private void showBackendStates() {
        backendStates.getChildren().clear();
        for (BackendState state : viewModel.connection().states()) {
            Label label = new Label(state.backend().label());
            label.setId("backend-" + state.backend().name().toLowerCase());
            Region dot = new Region();
            dot.getStyleClass().addAll(Styles.STATE_DOT, Styles.of(state.tone()));
            if (state.starting()) {
                dot.getStyleClass().add(Styles.STARTING);
            }
            label.setGraphic(dot);
            label.setMinWidth(Region.USE_PREF_SIZE);
            label.getStyleClass().addAll(Styles.BACKEND_STATE, Styles.of(state.tone()));
            label.setTooltip(new Tooltip(state.reason()));
            backendStates.getChildren().add(label);
        }
    }

    private void showTasks() {
        List<RunningTasks.Entry> running = viewModel.runningTasks();
        boolean any = !running.isEmpty();
        taskIndicator.setVisible(any);
        taskIndicator.setManaged(any);
        taskCount.setVisible(any);
        taskCount.setManaged(any);
        taskCount.setText(running.size() == 1 ? running.get(0).title() : running.size() + " tasks running");
        taskCount.getTooltip().setText(String.join("\n", running.stream().map(RunningTasks.Entry::title).toList()));
    }

    @FXML
    private void onConnections() {
        openConnections.run();
    }

    @FXML
    private void onAbout() {
        openAbout.run();
    }

    @FXML
    private void onToggleTheme() {
        viewModel.toggleTheme();
    }
}
