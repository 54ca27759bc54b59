package io.ringside.ui.cluster;

import io.ringside.ui.util.Errors;
import io.ringside.ui.util.PageLoad;
import io.ringside.ui.util.PageLoadState;
import io.ringside.ui.util.TaskExecutor;
import java.time.Duration;

/**
 * The Cluster page: the schema browser, the row viewer of the selected table and node health.
 * Shown, it reloads the tree and starts polling node health; hidden, it stops polling. Its first
 * load has ended when both the tree and the first node table arrived.
 */
public final class ClusterViewModel implements PageLoad {

    /** Longer than a pulse (60 a second). */
    private static final Duration AFTER_TREE = Duration.ofMillis(20);

    private final SchemaViewModel schema;
    private final RowsViewModel rows;
    private final NodesViewModel nodes;
    private final PageLoadState load = new PageLoadState();
    private boolean schemaLoaded;
    private boolean nodesLoaded;
    private boolean active;
    private final TaskExecutor executor;

    public ClusterViewModel(ClusterGateway gateway, TaskExecutor executor) {
        this.executor = executor;
        this.schema = new SchemaViewModel(gateway, executor);
        this.rows = new RowsViewModel(gateway, executor);
        this.nodes = new NodesViewModel(gateway, executor);
        schema.selectionProperty().addListener((observable, before, selected) -> {
            if (selected == null || selected.isRelation()) {
                rows.open(schema.relation(selected).orElse(null));
            }
        });
    }

    /**
     * The tree is read first, alone, and the node table's polls start once it is in: the health
     * report read beside it shared the same cores and the same Cassandra and held the tree back.
     */
    @Override
    public void activate() {
        active = true;
        schema.load(e -> {
            schemaLoaded = e == null;
            settle(e);
            // A pulse later, so the tree is laid out before the node table's work begins.
            executor.runOnUi(AFTER_TREE, () -> {
                if (active) {
                    nodes.start(failure -> {
                        nodesLoaded = failure == null;
                        settle(failure);
                    });
                }
            });
        });
    }

    @Override
    public void deactivate() {
        active = false;
        nodes.stop();
    }

    private void settle(Exception failure) {
        if (failure != null) {
            load.failed(Errors.firstLine(failure));
            return;
        }
        if (schemaLoaded && nodesLoaded) {
            load.succeeded();
        }
    }

    public SchemaViewModel schema() {
        return schema;
    }

    public RowsViewModel rows() {
        return rows;
    }

    public NodesViewModel nodes() {
        return nodes;
    }

    @Override
    public PageLoadState loadState() {
        return load;
    }
}
