package io.ringside.ui.cql;

import io.ringside.core.cql.HistoryEntry;
import io.ringside.ui.util.GridClassPreload;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.ListCellSkin;

/**
 * Does, on a background thread while the CQL page opens, the first-use work the page's first run
 * would otherwise do on the FX thread in the pulses that show its result: the row grid's classes
 * ({@link GridClassPreload}) and the history entry's record methods. A record's {@code equals} is
 * linked on its first call (an {@code invokedynamic} bootstrapped by {@code ObjectMethods}); the
 * history list calls it for each cell it re-fills after the first run, in the pulse that lays out
 * the result's column headers ({@code bench cql-ui}, docs/finish-figures.md). Nothing here
 * touches a scene.
 */
final class CqlPagePreload {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private CqlPagePreload() {
    }

    /** Starts the preload once per process; returns at once. */
    static void start() {
        GridClassPreload.startOnce(STARTED, "ringside-cql-preload", CqlPagePreload::load);
    }

    private static void load() {
        GridClassPreload.load();
        makeHistoryCell();
        HistoryEntry one = new HistoryEntry(Instant.EPOCH, "preload", "SELECT 1", "read", "ok", 0, 0);
        HistoryEntry other = new HistoryEntry(Instant.EPOCH, "preload", "SELECT 2", "read", "ok", 0, 0);
        if (one.equals(other) || one.hashCode() == 0) {
            // never true in practice; the calls are what matters, and the result must be used
            Thread.yield();
        }
    }

    /**
     * Makes a list cell and its skin once, out of any scene, and puts a statement on one line: the
     * history list's first cells otherwise loaded the list cell's classes and lambdas and compiled
     * the whitespace pattern on the FX thread, in the pulse that first lays out the history.
     */
    private static void makeHistoryCell() {
        try {
            CqlView.HistoryCell.oneLine("SELECT *\n  FROM preload");
            ListView<HistoryEntry> list = new ListView<>();
            ListCell<HistoryEntry> cell = new ListCell<>();
            cell.updateListView(list);
            cell.setSkin(new ListCellSkin<>(cell));
        } catch (RuntimeException | LinkageError ignored) {
            // a preload only: the FX thread makes it when it needs it
        }
    }
}
