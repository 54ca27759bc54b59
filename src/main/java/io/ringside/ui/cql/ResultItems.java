package io.ringside.ui.cql;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

/**
 * Shows the CQL page's result rows in its grid: a page fetched is appended to the grid's own items,
 * a new result (a statement run again, another statement) becomes a new items list shown from its
 * top. Replacing every item of the list a table shows makes its skin rebuild every visible row
 * (the skin takes "every item removed" as a reset: each row emptied, its CSS state changed twice,
 * filled again); a new items list only re-fills them. Scrolled to the top first, so no visible row
 * is left past the new, shorter list's end (such rows are emptied too). Re-running a statement
 * over 5,000 rows shown: 35-55 ms of FX-thread CPU in one pulse before, 6-11 ms after
 * ({@code bench cql-ui}'s phases replayed without a server, docs/finish-figures.md).
 */
final class ResultItems {

    private ResultItems() {
    }

    /** Shows {@code rows} in {@code table} now and after each of their changes. */
    static <S> void follow(TableView<S> table, ObservableList<S> rows) {
        table.setItems(FXCollections.observableArrayList(rows));
        rows.addListener((ListChangeListener<S>) change -> {
            ObservableList<S> shown = table.getItems();
            List<S> added = new ArrayList<>();
            boolean appended = !shown.isEmpty();
            while (appended && change.next()) {
                appended = !change.wasRemoved() && change.getFrom() == shown.size() + added.size();
                added.addAll(change.getAddedSubList());
            }
            if (appended) {
                shown.addAll(added);
            } else {
                table.scrollTo(0);
                table.setItems(FXCollections.observableArrayList(rows));
            }
        });
    }
}
