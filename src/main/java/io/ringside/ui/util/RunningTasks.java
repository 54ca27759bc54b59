package io.ringside.ui.util;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The titled background tasks running now, for the status bar's task indicator. Executors report
 * from worker threads; the list itself only changes on the UI thread (through the scheduler), so
 * views can bind to it.
 */
public final class RunningTasks {

    /** One running task. */
    public record Entry(long id, String title, long startedMillis) {
    }

    private final FxBatcher.UiScheduler ui;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ObservableList<Entry> entriesView = FXCollections.unmodifiableObservableList(entries);
    private final AtomicLong ids = new AtomicLong();

    public RunningTasks(FxBatcher.UiScheduler ui) {
        this.ui = ui;
    }

    /** Thread-safe: lists the task; run the returned action when it has ended. */
    public Runnable started(String title) {
        Entry entry = new Entry(ids.incrementAndGet(), title, System.currentTimeMillis());
        ui.runOnUi(Duration.ZERO, () -> entries.add(entry));
        return () -> ui.runOnUi(Duration.ZERO, () -> entries.remove(entry));
    }

    public ObservableList<Entry> entries() {
        return entriesView;
    }
}
