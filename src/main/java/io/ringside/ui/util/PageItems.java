package io.ringside.ui.util;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

/**
 * Shows a paged list in a table as one new items list per page, for tables whose view-model
 * replaces all its rows at once ({@code setAll}). The table's skin takes a change that replaces
 * its items as every row gone: each visible row is detached from its index, piled and laid out
 * again, its CSS state re-resolved ({@code VirtualFlow.rebuildCells}), 25-45 ms of FX-thread CPU
 * for a 1,000-row page of the Cluster screen. A new items list only re-fills the rows in place
 * (a reconfigure): 5-6 ms measured the same way. A new list also starts each page at its top.
 * The first page of an empty grid comes in steps ({@link StagedRows}).
 */
public final class PageItems {

    private PageItems() {
    }

    /** Shows {@code source} in {@code table} now and as a fresh items list after each of its changes. */
    public static <S> void follow(TableView<S> table, ObservableList<S> source) {
        StagedRows<S> shown = new StagedRows<>(table);
        shown.show(source);
        source.addListener((ListChangeListener<S>) change -> shown.show(source));
    }
}
