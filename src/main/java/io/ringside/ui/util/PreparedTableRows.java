package io.ringside.ui.util;

import java.util.Collections;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

/**
 * Makes a table's rows while its page is first laid out instead of when the first results arrive.
 * A virtualized table creates a row, its cells and their skins, and resolves their CSS, only once
 * there is an item to show; for the first screenful that is 100-200 ms of FX-thread work with the
 * code still cold, which an operator feels as the table freezing just as a listing starts
 * streaming in. Shown empty rows first, the table creates them with the page (one pause where the
 * page opens anyway), and when the real items come they only re-fill rows that exist.
 *
 * <p>The table shows empty rows ({@code null} items) until its first layout is done; cell value
 * factories must accept a {@code null} row.
 */
public final class PreparedTableRows {

    /** More than any screen shows; only the visible ones are made. */
    static final int ROWS = 200;

    private PreparedTableRows() {
    }

    /** Shows {@code items} in {@code table} once the table has been laid out with empty rows. */
    public static <S> void show(TableView<S> table, ObservableList<S> items) {
        table.setItems(FXCollections.observableArrayList(Collections.nCopies(ROWS, null)));
        Runnable swap = new Runnable() {
            @Override
            public void run() {
                if (table.getHeight() > 0 && table.getSkin() != null) {
                    table.getScene().removePostLayoutPulseListener(this);
                    table.setItems(items);
                }
            }
        };
        if (table.getScene() != null) {
            table.getScene().addPostLayoutPulseListener(swap);
        }
        table.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(swap);
            }
            if (scene != null && table.getItems() != items) {
                scene.addPostLayoutPulseListener(swap);
            }
        });
    }
}
