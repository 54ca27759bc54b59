package io.ringside.ui.cache;

import io.ringside.ui.util.Errors;
import io.ringside.core.redis.EvictionPreview;
import io.ringside.core.redis.EvictionProgress;
import io.ringside.core.redis.ReadableKey;
import io.ringside.ui.util.BackgroundTask;
import io.ringside.ui.util.FxBatcher;
import io.ringside.ui.util.TaskExecutor;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Eviction by pattern, in the order an operator should go through it: a read-only preview (how
 * many keys, a sample) first, then the pattern typed again to confirm, then UNLINK page by page
 * with progress, pause and cancel. The confirmation is checked here and again by the core.
 */
public final class EvictionViewModel {

    /** Where the eviction stands. */
    public enum Phase { EDITING, PREVIEWING, READY, EVICTING, PAUSED, ENDED }

    static final int SAMPLE = 10;

    private final CacheGateway gateway;
    private final TaskExecutor executor;
    private final StringProperty pattern = new SimpleStringProperty("");
    private final StringProperty typed = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.EDITING);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyBooleanWrapper confirmable = new ReadOnlyBooleanWrapper();
    private final ObservableList<String> sample = FXCollections.observableArrayList();
    private EvictionPreview preview;
    private CacheGateway.Control control;

    public EvictionViewModel(CacheGateway gateway, TaskExecutor executor) {
        this.gateway = gateway;
        this.executor = executor;
        BooleanBinding matches = Bindings.createBooleanBinding(
                () -> phase.get() == Phase.READY && preview != null && preview.count() > 0
                        && pattern.get().equals(typed.get()), phase, pattern, typed);
        confirmable.bind(matches);
        pattern.addListener((obs, old, value) -> {
            if (phase.get() == Phase.READY || phase.get() == Phase.ENDED) {
                phase.set(Phase.EDITING);
                preview = null;
                sample.clear();
                summary.set("");
            }
        });
    }

    /** Opens the dialog for {@code initialPattern}, e.g. the browser's current pattern. */
    public void open(String initialPattern) {
        if (phase.get() == Phase.EVICTING || phase.get() == Phase.PAUSED) {
            return;
        }
        phase.set(Phase.EDITING);
        pattern.set(initialPattern);
        typed.set("");
        sample.clear();
        summary.set("");
        error.set("");
        progress.set(0);
        preview = null;
        showPreview();
    }

    /** Counts the matching keys and takes a sample; reads only. */
    public void showPreview() {
        String glob = pattern.get().strip();
        if (glob.isEmpty()) {
            error.set("Type a pattern, e.g. pm25:Dongsi:*");
            return;
        }
        error.set("");
        phase.set(Phase.PREVIEWING);
        summary.set("Counting keys matching " + glob + " …");
        BackgroundTask.wrap(() -> gateway.preview(glob, SAMPLE))
                .onSuccess(result -> {
                    if (!glob.equals(pattern.get().strip())) {
                        return;
                    }
                    preview = result;
                    sample.setAll(result.sample().stream().map(key -> ReadableKey.of(key).describe()).toList());
                    summary.set(result.count() == 0 ? "No keys match " + glob
                            : String.format(Locale.ROOT, "%d keys match %s. Type the pattern to evict them.",
                            result.count(), glob));
                    phase.set(Phase.READY);
                })
                .onFailure(e -> {
                    phase.set(Phase.EDITING);
                    summary.set("");
                    error.set(Errors.firstLine(e));
                })
                .executeWith(executor);
    }

    /** Starts the eviction once the typed confirmation equals the previewed pattern. */
    public void evict() {
        if (!confirmable.get()) {
            error.set("Type the pattern exactly (" + pattern.get() + ") to confirm");
            return;
        }
        String glob = pattern.get().strip();
        long expected = Math.max(1, preview.count());
        error.set("");
        phase.set(Phase.EVICTING);
        FxBatcher<EvictionProgress> batcher = FxBatcher.onUi(executor, KeyBrowserViewModel.BATCH_INTERVAL,
                updates -> update(updates.get(updates.size() - 1), expected));
        BackgroundTask.wrap(() -> gateway.evictByPattern(glob, typed.get().strip(), batcher::add))
                .withTitle("Evicting " + glob)
                .onSuccess(started -> {
                    control = started;
                    if (phase.get() == Phase.ENDED) {
                        control = null;
                    }
                })
                .onFailure(e -> {
                    phase.set(Phase.ENDED);
                    error.set(Errors.firstLine(e));
                })
                .executeWith(executor);
    }

    private void update(EvictionProgress last, long expected) {
        progress.set(Math.min(1.0, (double) last.removed() / expected));
        if (last.done()) {
            summary.set(ended(last, pattern.get().strip()));
            phase.set(Phase.ENDED);
            control = null;
            if (!"ok".equals(last.outcome()) && !"cancelled".equals(last.outcome())) {
                error.set(last.outcome());
            } else if ("ok".equals(last.outcome())) {
                progress.set(1.0);
            }
        } else {
            summary.set(String.format(Locale.ROOT, "Evicted %d of ~%d keys (examined %d of %d)", last.removed(),
                    expected, last.scan().examined(), last.scan().dbSize()));
        }
    }

    /** What an ended eviction did, in words: "Evicted 37 keys matching pm25:*". */
    static String ended(EvictionProgress last, String glob) {
        String evicted = "Evicted " + KeyBrowserViewModel.keysText(last.removed()) + " matching " + glob;
        if ("ok".equals(last.outcome())) {
            return evicted;
        }
        if ("cancelled".equals(last.outcome())) {
            return evicted + ", then cancelled";
        }
        return evicted + ", then stopped (" + last.outcome() + ")";
    }

    public void pause() {
        if (control != null && phase.get() == Phase.EVICTING) {
            control.pause();
            phase.set(Phase.PAUSED);
        }
    }

    public void resume() {
        if (control != null && phase.get() == Phase.PAUSED) {
            control.resume();
            phase.set(Phase.EVICTING);
        }
    }

    public void cancel() {
        if (control != null) {
            control.stop();
        }
    }

    public StringProperty patternProperty() {
        return pattern;
    }

    /** What the operator typed to confirm; must equal the pattern. */
    public StringProperty typedProperty() {
        return typed;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** True when the preview is in and the typed text equals the pattern. */
    public ReadOnlyBooleanProperty confirmableProperty() {
        return confirmable.getReadOnlyProperty();
    }

    public ObservableList<String> sample() {
        return sample;
    }
}
