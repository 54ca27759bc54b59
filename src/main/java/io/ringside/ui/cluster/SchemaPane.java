package io.ringside.ui.cluster;

import io.ringside.ui.util.PreparedTableRows;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * Controller of {@code fxml/cluster/SchemaPane.fxml}, the Browser tab: keyspace tree and DDL,
 * bound to {@link SchemaViewModel}, beside the included {@link RowsPane}.
 */
public final class SchemaPane {

    private final SchemaViewModel schema;

    @FXML
    private TreeView<SchemaTreeEntry> schemaTree;
    @FXML
    private TextField schemaFilter;
    @FXML
    private Label selectionTitle;
    @FXML
    private Label estimate;
    @FXML
    private Button copyDdlButton;
    @FXML
    private TextArea ddlText;

    public SchemaPane(SchemaViewModel schema) {
        this.schema = schema;
    }

    @FXML
    private void initialize() {
        schemaFilter.textProperty().bindBidirectional(schema.filterProperty());
        schemaTree.setCellFactory(tree -> new SchemaTreeCell());
        ReadOnlyObjectProperty<TreeItem<SchemaTreeEntry>> tree = schema.shapedBy(SchemaTree::build);
        tree.addListener((obs, old, root) -> schemaTree.setRoot(root));
        // The tree's rows are made while the page is laid out, not when 500 tables arrive.
        PreparedTableRows.show(schemaTree, tree::get);
        schemaTree.getSelectionModel().selectedItemProperty().addListener((observable, before, item) -> {
            if (item != null && item.getValue() != null && item.getValue().selection() != null) {
                schema.select(item.getValue().selection());
            }
        });
        selectionTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            SchemaSelection selected = schema.selectionProperty().get();
            if (selected == null) {
                return "Nothing selected";
            }
            return selected.isRelation() ? selected.keyspace() + "." + selected.relation() : selected.keyspace();
        }, schema.selectionProperty()));
        estimate.textProperty().bind(Bindings.createStringBinding(() -> schema.estimateProperty().get().isEmpty() ? ""
                : "Estimated rows: " + schema.estimateProperty().get(), schema.estimateProperty()));
        Tooltip estimateWhy = new Tooltip();
        estimateWhy.textProperty().bind(schema.estimateNoteProperty());
        estimate.setTooltip(estimateWhy);
        ddlText.textProperty().bind(schema.ddlProperty());
        copyDdlButton.disableProperty().bind(schema.ddlProperty().isEmpty());
    }

    @FXML
    private void onCopyDdl() {
        ClipboardContent content = new ClipboardContent();
        content.putString(schema.ddlProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
    }
}
