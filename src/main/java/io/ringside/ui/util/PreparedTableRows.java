package io.ringside.ui.util;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Control;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * Makes a table's rows while its page is first laid out instead of when the first results arrive.
 * A virtualized table creates a row, its cells and their skins, and resolves their CSS, only once
 * there is an item to show; for the first screenful that is 100-200 ms of FX-thread work with the
 * code still cold, which an operator feels as the table freezing just as a listing starts
 * streaming in. Shown empty rows first, the table creates them with the page (one pause where the
 * page opens anyway), and when the real items come they only re-fill rows that exist. Lists and
 * trees are virtualized the same way and prepared the same way.
 *
 * <p>The table shows empty rows ({@code null} items) until its first layout is done; cell value
 * factories must accept a {@code null} row (a list's or tree's cells, a {@code null} item).
 */
public final class PreparedTableRows {

    /** More than any screen shows; only the visible ones are made. */
    static final int ROWS = 200;

    private PreparedTableRows() {
    }

    /** Shows {@code items} in {@code table} once the table has been laid out with empty rows. */
    public static <S> void show(TableView<S> table, ObservableList<S> items) {
        table.setItems(FXCollections.observableArrayList(Collections.nCopies(ROWS, null)));
        swapAfterLayout(table, () -> table.getItems() == items, () -> table.setItems(items));
    }

    /** Shows {@code items} in {@code list} once the list has been laid out with empty rows. */
    public static <S> void show(ListView<S> list, ObservableList<S> items) {
        list.setItems(FXCollections.observableArrayList(Collections.nCopies(ROWS, null)));
        swapAfterLayout(list, () -> list.getItems() == items, () -> list.setItems(items));
    }

    /**
     * As {@link #show(TableView, ObservableList)}, but the empty rows stay until {@code items} has
     * some or {@code read} is true (the list was read and is empty, or the read failed). Swapped for
     * a list still empty, the table hid its rows behind the placeholder, and the pulse that showed
     * the data made them visible again and moved every visible cell from empty to filled, a CSS
     * pass over each; kept, the rows only take their items.
     */
    public static <S> void showOnceRead(TableView<S> table, ObservableList<S> items, ObservableBooleanValue read) {
        table.setItems(FXCollections.observableArrayList(Collections.nCopies(ROWS, null)));
        swapAfterLayout(table, () -> table.getItems() == items, whenRead(items, read, () -> swapInTwoPulses(table, items)));
    }

    /**
     * Sets {@code items} a pulse after as many empty rows. A new row count has the table's flow take
     * every shown row off its sheet and put it back, each row and cell styled again (JavaFX's
     * VirtualFlow does so on any count change); in the pulse that also set the rows' text that was
     * the heaviest pulse of the Streams topic table's first fill (12-19 ms of FX-thread CPU at load
     * 10-15). With the count first, each pulse carries one of the two.
     */
    private static <S> void swapInTwoPulses(TableView<S> table, ObservableList<S> items) {
        if (items.isEmpty() || table.getScene() == null) {
            table.setItems(items);
            return;
        }
        ObservableList<S> counted = FXCollections.observableArrayList(Collections.nCopies(items.size(), null));
        table.setItems(counted);
        javafx.scene.Scene scene = table.getScene();
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                if (table.getItems() == counted) {
                    table.setItems(items);
                }
            }
        });
    }

    /** As {@link #showOnceRead(TableView, ObservableList, ObservableBooleanValue)}, for a list. */
    public static <S> void showOnceRead(ListView<S> list, ObservableList<S> items, ObservableBooleanValue read) {
        list.setItems(FXCollections.observableArrayList(Collections.nCopies(ROWS, null)));
        swapAfterLayout(list, () -> list.getItems() == items, whenRead(items, read, () -> list.setItems(items)));
    }

    /** Runs {@code swap} at once if {@code items} has some or {@code read} is true, else once either is. */
    private static Runnable whenRead(ObservableList<?> items, ObservableBooleanValue read, Runnable swap) {
        boolean[] waiting = {false};
        return () -> {
            if (!items.isEmpty() || read.get()) {
                swap.run();
            } else if (!waiting[0]) {
                waiting[0] = true;
                InvalidationListener check = new InvalidationListener() {
                    @Override
                    public void invalidated(Observable observable) {
                        if (!items.isEmpty() || read.get()) {
                            items.removeListener(this);
                            read.removeListener(this);
                            swap.run();
                        }
                    }
                };
                items.addListener(check);
                read.addListener(check);
            }
        };
    }

    /**
     * Lays {@code tree} out with a root of empty rows (a {@code null} value, as its children), then
     * sets the root {@code root} gives at that moment; the tree's own later roots replace it as usual.
     * The rows are closed branches, as most rows of a tree are, so each cell makes its disclosure
     * arrow with the page too; the tree's cells must hide the arrow of an empty cell (one below the
     * last row), which the tree's skin leaves as it was.
     */
    public static <S> void show(TreeView<S> tree, Supplier<TreeItem<S>> root) {
        TreeItem<S> empty = new TreeItem<>();
        List<TreeItem<S>> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            TreeItem<S> row = new TreeItem<>();
            row.getChildren().add(new TreeItem<>());
            rows.add(row);
        }
        empty.getChildren().setAll(rows);
        empty.setExpanded(true);
        tree.setRoot(empty);
        swapAfterLayout(tree, () -> tree.getRoot() != empty, () -> tree.setRoot(root.get()));
    }

    private static void swapAfterLayout(Control control, Supplier<Boolean> swapped, Runnable swap) {
        Runnable once = new Runnable() {
            @Override
            public void run() {
                if (control.getHeight() > 0 && control.getSkin() != null) {
                    control.getScene().removePostLayoutPulseListener(this);
                    if (!swapped.get()) {
                        swap.run();
                    }
                }
            }
        };
        if (control.getScene() != null) {
            control.getScene().addPostLayoutPulseListener(once);
        }
        control.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(once);
            }
            if (scene != null && !swapped.get()) {
                scene.addPostLayoutPulseListener(once);
            }
        });
    }
}
