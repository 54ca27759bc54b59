package io.ringside.ui.cache;

import static io.ringside.ui.cache.CacheBindings.show;

import io.ringside.ui.util.ControllerFactory;
import io.ringside.ui.util.Fxml;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;

/**
 * Controller of {@code fxml/cache/CacheView.fxml}: the page header and the wiring between its
 * included panes, one per sub-view-model of {@link CacheViewModel}: {@link KeyBrowserPane} (with
 * {@link ValuePane}), {@link ServerStatsPane}, {@link CoherencePane} and {@link EvictionPane}.
 */
public final class CacheView {

    public static final String FXML = "/fxml/cache/CacheView.fxml";

    private final KeyBrowserViewModel keys;
    private final EvictionViewModel eviction;
    private final ServerViewModel server;

    @FXML
    private Tab serverTab;
    @FXML
    private Label serverSummary;
    @FXML
    private Label errorText;
    @FXML
    private KeyBrowserPane keyBrowserPaneController;
    @FXML
    private EvictionPane evictOverlayController;

    /** The page on its own, outside the shell: for tests. */
    public static Parent load(CacheViewModel viewModel) {
        return Fxml.load(FXML, register(new ControllerFactory(), viewModel));
    }

    /** Registers the page's controller and those of the panes it includes, all on {@code viewModel}. */
    public static ControllerFactory register(ControllerFactory factory, CacheViewModel viewModel) {
        return factory.register(CacheView.class, () -> new CacheView(viewModel))
                .register(KeyBrowserPane.class, () -> new KeyBrowserPane(viewModel.keys(), viewModel.value()))
                .register(ValuePane.class, () -> new ValuePane(viewModel.value()))
                .register(ServerStatsPane.class, () -> new ServerStatsPane(viewModel.server(), viewModel.policy()))
                .register(EvictionPane.class, () -> new EvictionPane(viewModel.eviction()))
                .register(CoherencePane.class, () -> new CoherencePane(viewModel.coherence()))
                .register(ConsolePane.class, () -> new ConsolePane(viewModel.console()));
    }

    public CacheView(CacheViewModel viewModel) {
        this.keys = viewModel.keys();
        this.eviction = viewModel.eviction();
        this.server = viewModel.server();
    }

    @FXML
    private void initialize() {
        serverSummary.textProperty().bind(server.summaryTextProperty());
        errorText.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", nonEmpty(
                        keys.errorProperty().get(), server.errorProperty().get())),
                keys.errorProperty(), server.errorProperty()));
        show(errorText, errorText.textProperty().isNotEmpty());
        keyBrowserPaneController.onEvictPattern(() -> evictOverlayController.open(keys.patternProperty().get()));
        eviction.phaseProperty().addListener((obs, old, now) -> {
            if (now == EvictionViewModel.Phase.ENDED) {
                keys.rescan(eviction.summaryProperty().get());
            }
        });
        inSceneOnlyWhileSelected(serverTab);
    }

    /**
     * Keeps a tab's content out of the scene while another tab is shown. A hidden tab's nodes are
     * still laid out and styled whenever they change, and the Server tab's charts and tables change
     * with every poll, on the FX thread that the key table needs while a listing streams in.
     */
    private static void inSceneOnlyWhileSelected(Tab tab) {
        Node content = tab.getContent();
        tab.setContent(tab.isSelected() ? content : null);
        tab.selectedProperty().addListener((obs, was, selected) -> tab.setContent(selected ? content : null));
    }

    private static List<String> nonEmpty(String... texts) {
        List<String> out = new ArrayList<>();
        for (String text : texts) {
            if (text != null && !text.isEmpty()) {
                out.add(text);
            }
        }
        return out;
    }
}
