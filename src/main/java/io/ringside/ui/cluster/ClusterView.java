package io.ringside.ui.cluster;

import io.ringside.ui.util.ControllerFactory;
import io.ringside.ui.util.Fxml;
import io.ringside.ui.util.SelectedTabContent;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;

/**
 * Controller of {@code fxml/cluster/ClusterView.fxml}: the header (summary, replica banner, errors,
 * Refresh) around the included panes, one per sub-view-model of {@link ClusterViewModel}:
 * {@link SchemaPane} (with {@link RowsPane}) and {@link NodesPane}.
 */
public final class ClusterView {

    public static final String FXML = "/fxml/cluster/ClusterView.fxml";

    private final ClusterViewModel viewModel;
    private final SchemaViewModel schema;
    private final RowsViewModel rows;
    private final NodesViewModel nodes;

    @FXML
    private Label summary;
    @FXML
    private Button refreshButton;
    @FXML
    private Region replicaBanner;
    @FXML
    private Label replicaBannerText;
    @FXML
    private Label errorText;
    @FXML
    private TabPane tabs;

    /** The screen on its own, outside the shell: for the benchmark and tests. */
    public static Parent load(ClusterViewModel viewModel) {
        return Fxml.load(FXML, register(new ControllerFactory(), viewModel));
    }

    /** Registers the screen's controller and those of the panes it includes, all on {@code viewModel}. */
    public static ControllerFactory register(ControllerFactory factory, ClusterViewModel viewModel) {
        return factory.register(ClusterView.class, () -> new ClusterView(viewModel))
                .register(SchemaPane.class, () -> new SchemaPane(viewModel.schema()))
                .register(RowsPane.class, () -> new RowsPane(viewModel.rows()))
                .register(NodesPane.class, () -> new NodesPane(viewModel.nodes(), viewModel.schema()));
    }

    public ClusterView(ClusterViewModel viewModel) {
        this.viewModel = viewModel;
        this.schema = viewModel.schema();
        this.rows = viewModel.rows();
        this.nodes = viewModel.nodes();
    }

    @FXML
    private void initialize() {
        summary.textProperty().bind(nodes.schemaAgreementProperty());
        replicaBanner.visibleProperty().bind(nodes.bannerShownProperty());
        replicaBanner.managedProperty().bind(nodes.bannerShownProperty());
        replicaBannerText.textProperty().bind(nodes.bannerProperty());
        errorText.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", nonEmpty(
                        viewModel.loadErrorProperty().get(), schema.errorProperty().get(), nodes.errorProperty().get())),
                viewModel.loadErrorProperty(), schema.errorProperty(), nodes.errorProperty()));
        errorText.visibleProperty().bind(errorText.textProperty().isNotEmpty());
        errorText.managedProperty().bind(errorText.visibleProperty());
        SelectedTabContent.attach(tabs);
    }

    private static List<String> nonEmpty(String... texts) {
        List<String> kept = new ArrayList<>();
        for (String text : texts) {
            if (text != null && !text.isEmpty() && !kept.contains(text)) {
                kept.add(text);
            }
        }
        return kept;
    }

    @FXML
    private void onRefresh() {
        viewModel.activate();
        rows.refresh();
    }
}
