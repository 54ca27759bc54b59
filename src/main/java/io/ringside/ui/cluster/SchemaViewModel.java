package io.ringside.ui.cluster;

import io.ringside.ui.util.Errors;
import io.ringside.core.cassandra.KeyspaceInfo;
import io.ringside.core.cassandra.RelationInfo;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.TaskExecutor;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The keyspace tree's state: the keyspaces (user ones first, system ones after), the selection,
 * its DDL and the row-count estimate. A later selection wins over answers still on their way.
 */
public final class SchemaViewModel {

    static final String NO_ESTIMATE = "n/a (not computed yet)";
    static final String NO_ESTIMATE_WHY = "Cassandra computes size estimates (system.size_estimates) every few"
            + " minutes: a new or small table has none until then.";

    private final ClusterGateway gateway;
    private final TaskExecutor executor;
    private final ObservableList<KeyspaceInfo> keyspaces = FXCollections.observableArrayList();
    /** One read-only view per list, kept: a view listens weakly, so listeners on a throwaway one get lost. */
    private final ObservableList<KeyspaceInfo> keyspacesView = FXCollections.unmodifiableObservableList(keyspaces);
    private final ReadOnlyObjectWrapper<SchemaSelection> selection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper ddl = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper estimate = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper estimateNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private int generation;

    private final StringProperty filter = new SimpleStringProperty("");
    /** How the view shows a read at a filter (the tree's items); none until the view asks. */
    private BiFunction<List<KeyspaceInfo>, String, ?> shape = (read, text) -> null;
    private final ReadOnlyObjectWrapper<Object> shaped = new ReadOnlyObjectWrapper<>();

    public SchemaViewModel(ClusterGateway gateway, TaskExecutor executor) {
        this.gateway = gateway;
        this.executor = executor;
        filter.addListener((obs, old, text) -> shaped.set(shape.apply(List.copyOf(keyspaces), text)));
    }

    private record Read(List<KeyspaceInfo> keyspaces, Object shaped) {
    }

    /** The tree's filter: part of a keyspace's, table's or view's name, any case; blank shows all. */
    public StringProperty filterProperty() {
        return filter;
    }

    /**
     * The keyspaces read last, at the filter, in the view's own shape (its tree's items). The view
     * says how it shows them so that they are made on the worker with the read: made on the FX
     * thread, 550 items for 500 tables cost the pulse that showed them. The view-model stays
     * toolkit-free: it never knows what the shape is.
     */
    @SuppressWarnings("unchecked")
    public <T> ReadOnlyObjectProperty<T> shapedBy(BiFunction<List<KeyspaceInfo>, String, T> view) {
        shape = view;
        shaped.set(view.apply(List.copyOf(keyspaces), filter.get()));
        return (ReadOnlyObjectProperty<T>) (ReadOnlyObjectProperty<?>) shaped.getReadOnlyProperty();
    }

    /** Reloads the tree; {@code done} hears success (null) or the failure. */
    void load(Consumer<Exception> done) {
        String filterAtRead = filter.get();
        BiFunction<List<KeyspaceInfo>, String, ?> shapeAtRead = shape;
        BackgroundTask.wrap(() -> {
                    List<KeyspaceInfo> read = gateway.keyspaces();
                    return new Read(read, shapeAtRead.apply(read, filterAtRead));
                })
                .onSuccess(loaded -> {
                    keyspaces.setAll(loaded.keyspaces());
                    boolean current = filterAtRead.equals(filter.get()) && shapeAtRead == shape;
                    shaped.set(current ? loaded.shaped() : shape.apply(List.copyOf(keyspaces), filter.get()));
                    error.set("");
                    done.accept(null);
                })
                .onFailure(e -> {
                    error.set("Cannot read the schema: " + Errors.firstLine(e));
                    done.accept(e);
                })
                .executeWith(executor);
    }

    public void select(SchemaSelection selected) {
        int current = ++generation;
        selection.set(selected);
        ddl.set("");
        estimate.set("");
        estimateNote.set("");
        if (selected == null) {
            return;
        }
        BackgroundTask.wrap(() -> selected.isRelation()
                        ? gateway.relationDdl(selected.keyspace(), selected.relation())
                        : gateway.keyspaceDdl(selected.keyspace()))
                .onSuccess(text -> {
                    if (current == generation) {
                        ddl.set(text);
                    }
                })
                .onFailure(e -> {
                    if (current == generation) {
                        ddl.set("-- " + Errors.firstLine(e));
                    }
                })
                .executeWith(executor);
        if (selected.isRelation()) {
            BackgroundTask.wrap(() -> gateway.partitionEstimate(selected.keyspace(), selected.relation()))
                    .onSuccess(count -> {
                        if (current == generation) {
                            estimate.set(describe(count));
                            estimateNote.set(count.isPresent() ? "From system.size_estimates, which Cassandra"
                                    + " refreshes every few minutes." : NO_ESTIMATE_WHY);
                        }
                    })
                    .onFailure(e -> {
                        if (current == generation) {
                            estimate.set("n/a (unreadable)");
                            estimateNote.set("Reading system.size_estimates failed: " + Errors.firstLine(e));
                        }
                    })
                    .executeWith(executor);
        }
    }

    static String describe(OptionalLong count) {
        return count.isPresent() ? "~" + NumberFormat.getIntegerInstance(Locale.ROOT).format(count.getAsLong())
                + " partitions" : NO_ESTIMATE;
    }

    public Optional<RelationInfo> relation(SchemaSelection selected) {
        if (selected == null || !selected.isRelation()) {
            return Optional.empty();
        }
        return keyspaces.stream().filter(k -> k.name().equals(selected.keyspace()))
                .flatMap(k -> java.util.stream.Stream.concat(k.tables().stream(), k.views().stream()))
                .filter(r -> r.name().equals(selected.relation()))
                .findFirst();
    }

    /** Names of the user keyspaces, for the ownership chooser. */
    public List<String> userKeyspaceNames() {
        return keyspaces.stream().filter(k -> !k.system()).map(KeyspaceInfo::name).toList();
    }

    public ObservableList<KeyspaceInfo> keyspaces() {
        return keyspacesView;
    }

    public ReadOnlyObjectProperty<SchemaSelection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ddlProperty() {
        return ddl.getReadOnlyProperty();
    }

    /** "~12,345 partitions" from {@code system.size_estimates}, or "n/a" until Cassandra has one. */
    public ReadOnlyStringProperty estimateProperty() {
        return estimate.getReadOnlyProperty();
    }

    /** Why the estimate reads as it does (a tooltip): where it comes from, or why there is none. */
    public ReadOnlyStringProperty estimateNoteProperty() {
        return estimateNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
