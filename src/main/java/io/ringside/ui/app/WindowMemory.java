package io.ringside.ui.app;

import io.ringside.ui.settings.ConsolePreferences;
import io.ringside.ui.settings.WindowPlacement;
import io.ringside.ui.util.SelectedTabContent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window's size, position, maximised state and split-pane dividers, put back as they were
 * when the console last closed. A window is restored only where a screen still shows most of it
 * (a laptop taken off its second monitor opens on the laptop's screen), and never larger than that
 * screen; without a remembered placement it opens at a size that suits the screen: most of a
 * laptop's, not all of a large monitor's.
 */
final class WindowMemory {

    /** Share of the screen's usable area a first window takes, and the most it takes on a big screen. */
    static final double SHARE = 0.85;
    static final double MAX_WIDTH = 1600;
    static final double MAX_HEIGHT = 1000;
    /** How much of a remembered window must still be on a screen for it to open there. */
    static final double ON_SCREEN = 0.5;

    private final Map<String, List<Double>> dividers;
    private final Map<String, Node> pages = new LinkedHashMap<>();
    private final WindowPlacement saved;
    private Rectangle2D normal;

    WindowMemory(WindowPlacement saved) {
        this.saved = saved;
        this.dividers = new HashMap<>(saved == null ? Map.of() : saved.dividers());
    }

    /** The bounds a window opens with: the remembered ones if a screen still shows them, else a default. */
    static Rectangle2D bounds(WindowPlacement saved, List<Rectangle2D> screens, Rectangle2D primary,
                              double minWidth, double minHeight) {
        if (saved != null && saved.width() > 0 && saved.height() > 0) {
            Rectangle2D remembered = new Rectangle2D(saved.x(), saved.y(), saved.width(), saved.height());
            Optional<Rectangle2D> screen = screens.stream()
                    .filter(s -> overlap(s, remembered) >= ON_SCREEN * remembered.getWidth() * remembered.getHeight())
                    .findFirst();
            if (screen.isPresent()) {
                return fit(remembered, screen.get());
            }
        }
        double width = Math.min(primary.getWidth(), Math.max(minWidth, Math.min(MAX_WIDTH, primary.getWidth() * SHARE)));
        double height = Math.min(primary.getHeight(),
                Math.max(minHeight, Math.min(MAX_HEIGHT, primary.getHeight() * SHARE)));
        return new Rectangle2D(primary.getMinX() + (primary.getWidth() - width) / 2,
                primary.getMinY() + (primary.getHeight() - height) / 2, width, height);
    }

    /** {@code window} shrunk to the screen if larger, and moved onto it if it hangs over an edge. */
    private static Rectangle2D fit(Rectangle2D window, Rectangle2D screen) {
        double width = Math.min(window.getWidth(), screen.getWidth());
        double height = Math.min(window.getHeight(), screen.getHeight());
        double x = Math.max(screen.getMinX(), Math.min(window.getMinX(), screen.getMaxX() - width));
        double y = Math.max(screen.getMinY(), Math.min(window.getMinY(), screen.getMaxY() - height));
        return new Rectangle2D(x, y, width, height);
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double width = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double height = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return width <= 0 || height <= 0 ? 0 : width * height;
    }

    /**
     * Sizes and places {@code stage} before it is shown, and follows its bounds while it is neither
     * maximised nor iconified, so the bounds saved are the ones to un-maximise to.
     */
    void place(Stage stage, double minWidth, double minHeight) {
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        Rectangle2D primary = Screen.getPrimary().getVisualBounds();
        Rectangle2D bounds = bounds(saved, screens, primary, minWidth, minHeight);
        stage.setMinWidth(Math.min(minWidth, primary.getWidth()));
        stage.setMinHeight(Math.min(minHeight, primary.getHeight()));
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        stage.setMaximized(saved != null && saved.maximized());
        normal = bounds;
        Runnable follow = () -> {
            if (!stage.isMaximized() && !stage.isIconified() && stage.getWidth() > 0 && stage.getHeight() > 0) {
                normal = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
        };
        stage.xProperty().addListener((obs, old, now) -> follow.run());
        stage.yProperty().addListener((obs, old, now) -> follow.run());
        stage.widthProperty().addListener((obs, old, now) -> follow.run());
        stage.heightProperty().addListener((obs, old, now) -> follow.run());
    }

    /** A page was built: its split panes take their remembered divider positions. */
    void pageBuilt(String pageId, Node page) {
        pages.put(pageId, page);
        List<SplitPane> panes = splitPanes(page);
        for (int i = 0; i < panes.size(); i++) {
            List<Double> positions = dividers.get(pageId + "/" + i);
            SplitPane pane = panes.get(i);
            if (positions != null && positions.size() == pane.getDividers().size()
                    && positions.stream().allMatch(p -> p > 0 && p < 1)) {
                pane.setDividerPositions(positions.stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
    }

    /** The window as it is now, with the dividers of every page built in this run; call on the FX thread. */
    WindowPlacement current(Stage stage) {
        pages.forEach((pageId, page) -> {
            List<SplitPane> panes = splitPanes(page);
            for (int i = 0; i < panes.size(); i++) {
                dividers.put(pageId + "/" + i, java.util.Arrays.stream(panes.get(i).getDividerPositions())
                        .boxed().toList());
            }
        });
        Rectangle2D bounds = normal != null ? normal
                : new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        return new WindowPlacement(bounds.getMinX(), bounds.getMinY(), bounds.getWidth(), bounds.getHeight(),
                stage.isMaximized(), dividers);
    }

    /** Writes {@code placement}, keeping the other preferences; blocks on the disk. */
    static void save(ConsolePreferences preferences, WindowPlacement placement) {
        preferences.update(values -> values.withWindow(placement));
    }

    /** In document order, so the same FXML gives the same keys. */
    private static List<SplitPane> splitPanes(Node page) {
        List<SplitPane> found = new ArrayList<>();
        collect(page, found);
        return found;
    }

    private static void collect(Node node, List<SplitPane> found) {
        if (node instanceof SplitPane pane) {
            found.add(pane);
            pane.getItems().forEach(item -> collect(item, found));
        } else if (node instanceof javafx.scene.control.TabPane tabs) {
            tabs.getTabs().forEach(tab -> {
                Node content = SelectedTabContent.content(tab);
                if (content != null) {
                    collect(content, found);
                }
            });
        } else if (node instanceof javafx.scene.control.ScrollPane scroll) {
            if (scroll.getContent() != null) {
                collect(scroll.getContent(), found);
            }
        } else if (node instanceof javafx.scene.control.TitledPane titled) {
            if (titled.getContent() != null) {
                collect(titled.getContent(), found);
            }
        } else if (node instanceof javafx.scene.control.Control) {
            // a control's skin holds no split pane of a page's own; skins may not exist yet when a page is built
            return;
        } else if (node instanceof javafx.scene.Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, found));
        }
    }
}
