package io.ringside.ui.util;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

/**
 * Shows a row grid's items, the first screenful of an empty grid a few rows per pulse. A table
 * makes a row, its cells, their skins and their CSS only once there is an item to show; for the
 * first result of a grid that is every visible row at once, with code still cold: one pulse of
 * 50-125 ms of FX-thread CPU for a screenful of the Cluster page's rows ({@code bench cluster-ui},
 * docs/finish-figures.md), a frozen window the operator sees just as the result arrives. Here the
 * first pulse lays out the grid's header alone, the next shows one row, and each later one as many
 * more as fit in {@link #BUDGET_NANOS} of FX-thread CPU at the cost per row the last step took (at
 * most twice as many), until the viewport is full; the rest, rows no one sees yet, follow at once
 * (rows appended below the viewport make no row). The operator sees the first rows sooner, not later. A grid that
 * shows rows already, or that is not laid out in a scene yet, takes its new items at once: a new
 * items list re-fills the rows that exist (see {@link PageItems}). The grid's empty rows (those
 * below its items) are made without cells ({@link EmptyRows}): otherwise the first step's one
 * item would make a whole screenful of rows and cells at once.
 *
 * <p>FX thread only.
 *
 * @param <S> the grid's row type
 */
public final class StagedRows<S> {

    /** The FX-thread CPU a pulse with a step may take: under a 16 ms frame, with room to spare. */
    static final long BUDGET_NANOS = 12_000_000L;
    /** The most of a pulse's cost taken as not the rows' (the first pulse may carry the page's own first layout). */
    private static final long BASE_MAX_NANOS = 4_000_000L;
    private static final double ROW_HEIGHT_UNKNOWN = 24;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final TableView<S> table;
    private final List<S> pending = new ArrayList<>();
    private int next;
    private int lastStep;
    private long lastTick;
    private long base;
    private boolean running;
    private boolean headerShown;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            step();
        }
    };

    public StagedRows(TableView<S> table) {
        this.table = table;
        EmptyRows.install(table);
    }

    /** Shows {@code rows} (copied) as the grid's new items, the first screenful in steps if the grid shows none. */
    public void show(List<S> rows) {
        stop();
        if (rows.isEmpty() || !table.getItems().isEmpty() || !laidOut()) {
            table.setItems(FXCollections.observableArrayList(rows));
            return;
        }
        table.setItems(FXCollections.observableArrayList());
        startSteps(rows, false);
    }

    /**
     * Appends {@code rows} after the rows shown and those still to come; in steps too while the
     * viewport is not full (a search's first match, then a batch of a hundred under it).
     */
    public void append(List<S> rows) {
        if (running) {
            pending.addAll(rows);
        } else if (!rows.isEmpty() && laidOut() && table.getItems().size() < viewportRows()) {
            // rows that fill the rest of the viewport are rows made with their cells: a search's
            // first match alone, then a batch of a hundred, made the screenful in one pulse
            startSteps(rows, true);
        } else {
            table.getItems().addAll(rows);
        }
    }

    /** Shows {@code rows} a step per pulse from the next pulse on (the header's own pulse first unless shown). */
    private void startSteps(List<S> rows, boolean headerAlreadyShown) {
        pending.addAll(rows);
        lastStep = 0;
        lastTick = cpuNow();
        headerShown = headerAlreadyShown;
        running = true;
        timer.start();
    }

    /** In a scene and skinned: its rows are made by pulses, not at once on the next layout. */
    private boolean laidOut() {
        return table.getScene() != null && table.getSkin() != null;
    }

    /** The rows shown and still to come. */
    public int size() {
        return table.getItems().size() + pending.size() - next;
    }

    private void step() {
        long now = cpuNow();
        long spent = now - lastTick;
        lastTick = now;
        if (!headerShown) {
            // this pulse lays out the header (columns set with the result) and nothing else
            headerShown = true;
            return;
        }
        int rows;
        if (lastStep == 0) {
            // a pulse that made no row: what the next ones cost besides their rows (bounded: that
            // pulse may also carry the page's own first layout)
            base = Math.min(spent, BASE_MAX_NANOS);
            rows = 1;
        } else {
            long perRow = Math.max(1, (spent - base) / lastStep);
            rows = (int) Math.max(1, Math.min(2L * lastStep, (BUDGET_NANOS - base) / perRow));
        }
        ObservableList<S> shown = table.getItems();
        int left = pending.size() - next;
        if (shown.size() + rows >= viewportRows()) {
            rows = left;
        }
        rows = Math.min(rows, left);
        shown.addAll(pending.subList(next, next + rows));
        next += rows;
        lastStep = rows;
        if (next >= pending.size()) {
            stop();
        }
    }

    private int viewportRows() {
        double rowHeight = table.getFixedCellSize() > 0 ? table.getFixedCellSize() : ROW_HEIGHT_UNKNOWN;
        return (int) Math.ceil(table.getHeight() / rowHeight) + 1;
    }

    private void stop() {
        timer.stop();
        running = false;
        headerShown = false;
        pending.clear();
        next = 0;
    }

    private static long cpuNow() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
