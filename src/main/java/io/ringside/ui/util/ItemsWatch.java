package io.ringside.ui.util;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

/**
 * Runs an action whenever a table's rows change: its items list changed, or replaced by another
 * (a grid shows each page as a new list, {@link PageItems}), the new list then watched instead of
 * the old one. For a column sizer ({@link ContentColumnWidths}) that must see every page's rows.
 */
final class ItemsWatch {

    private ItemsWatch() {
    }

    /** Runs {@code changed} now and after every change of {@code table}'s rows; FX thread only. */
    static <S> void follow(TableView<S> table, Runnable changed) {
        InvalidationListener listChanged = observable -> changed.run();
        InvalidationListener replaced = new InvalidationListener() {
            private ObservableList<S> watched;

            @Override
            public void invalidated(Observable observable) {
                if (watched != null) {
                    watched.removeListener(listChanged);
                }
                watched = table.getItems();
                if (watched != null) {
                    watched.addListener(listChanged);
                }
                changed.run();
            }
        };
        table.itemsProperty().addListener(replaced);
        replaced.invalidated(table.itemsProperty());
    }
}
