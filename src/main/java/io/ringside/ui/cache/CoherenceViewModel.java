package io.ringside.ui.cache;

import io.ringside.core.data.cache.CoherenceReport;
import io.ringside.core.data.cache.CoherenceState;
import io.ringside.core.data.cache.KeyCoherence;
import io.ringside.core.redis.KeyActionResult;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.DialogService;
import io.ringside.ui.util.Errors;
import io.ringside.ui.util.TaskExecutor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The coherence check of the Cache page: the cached PM2.5 years and dataset chunks re-read from
 * Cassandra and shown fresh, stale or orphaned with their TTL, and the stale ones evicted after a
 * confirmation, through the same audited eviction as the key browser's (refused, and audited as
 * such, under a read-only profile).
 */
public final class CoherenceViewModel {

    /** Which namespaces to check. */
    public enum Scope {
        ALL(null, "pm25 and dataset"), PM25("pm25", "pm25"), DATASET("dataset", "dataset");

        final String namespace;
        final String label;

        Scope(String namespace, String label) {
            this.namespace = namespace;
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static final int DEFAULT_SAMPLE = 200;

    private final CacheGateway gateway;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.ALL);
    private final IntegerProperty sample = new SimpleIntegerProperty(DEFAULT_SAMPLE);
    private final ObservableList<KeyCoherence> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper staleFound = new ReadOnlyBooleanWrapper();

    public CoherenceViewModel(CacheGateway gateway, TaskExecutor executor, DialogService dialogs) {
        this.gateway = gateway;
        this.executor = executor;
        this.dialogs = dialogs;
    }

    /** Runs the check in the background; the table shows every key it looked at. */
    public void check() {
        if (busy.get()) {
            return;
        }
        Scope chosen = scope.get();
        int n = Math.max(0, sample.get());
        busy.set(true);
        error.set("");
        summary.set("Checking " + (n == 0 ? "every" : "up to " + n) + " cached key" + (n == 1 ? "" : "s") + " of "
                + chosen.label + " against Cassandra …");
        BackgroundTask.wrap(() -> gateway.checkCoherence(chosen.namespace, n))
                .withTitle("Check cache coherence")
                .onSuccess(this::show)
                .onFailure(e -> {
                    busy.set(false);
                    summary.set("");
                    error.set("Check failed: " + Errors.firstLine(e));
                })
                .executeWith(executor);
    }

    private void show(CoherenceReport report) {
        busy.set(false);
        rows.setAll(report.keys());
        staleFound.set(report.count(CoherenceState.STALE) > 0);
        summary.set(report.keys().isEmpty() ? "No cached keys of " + String.join(" or ", report.namespaces())
                : report.summary() + (staleFound.get() ? ". Evict the stale ones to have them read again." : "."));
    }

    /** Evicts the keys the last check found stale, after a confirmation. */
    public void evictStale() {
        List<String> stale = rows.stream().filter(k -> k.state() == CoherenceState.STALE).map(KeyCoherence::key)
                .toList();
        if (stale.isEmpty() || busy.get()) {
            return;
        }
        String what = stale.size() == 1 ? stale.get(0) : stale.size() + " stale keys";
        if (!dialogs.confirm("Evict stale keys", "UNLINK " + what + " from Redis? The next read of each loads it "
                + "from Cassandra again.", "Evict")) {
            return;
        }
        busy.set(true);
        error.set("");
        BackgroundTask.wrap(() -> gateway.evict(stale.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList()))
                .withTitle("Evict " + stale.size() + " stale keys")
                .onSuccess(result -> evicted(stale, result))
                .onFailure(e -> {
                    busy.set(false);
                    error.set("Evict failed: " + Errors.firstLine(e));
                })
                .executeWith(executor);
    }

    private void evicted(List<String> stale, KeyActionResult result) {
        busy.set(false);
        rows.removeIf(k -> k.state() == CoherenceState.STALE && stale.contains(k.key()));
        staleFound.set(rows.stream().anyMatch(k -> k.state() == CoherenceState.STALE));
        summary.set("Evicted " + result.changed() + (result.changed() == 1 ? " stale key" : " stale keys")
                + (result.complete() ? "" : "; " + result.failed().size() + " already gone"));
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    /** At most this many keys per namespace; 0 for all. */
    public IntegerProperty sampleProperty() {
        return sample;
    }

    /** The keys of the last check, in SCAN order; evicted stale keys leave it. */
    public ObservableList<KeyCoherence> rows() {
        return rows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether the table holds stale keys (the "Evict stale" button's). */
    public ReadOnlyBooleanProperty staleFoundProperty() {
        return staleFound.getReadOnlyProperty();
    }
}
