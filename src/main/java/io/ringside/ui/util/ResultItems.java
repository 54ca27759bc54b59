package io.ringside.ui.util;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

/**
 * Shows a streamed result's rows in a grid (the CQL page's results, the Streams page's matches and
 * pages): rows appended to the result (a page fetched, a batch of matches) are appended to the
 * grid's own items, a new result (a statement run again, another search or page) becomes a new
 * items list shown from its top. Replacing every item of the list a table shows makes its skin rebuild every visible row
 * (the skin takes "every item removed" as a reset: each row emptied, its CSS state changed twice,
 * filled again); a new items list only re-fills them. Scrolled to the top first, so no visible row
 * is left past the new, shorter list's end (such rows are emptied too). Re-running a statement
 * over 5,000 rows shown: 35-55 ms of FX-thread CPU in one pulse before, 6-11 ms after
 * ({@code bench cql-ui}'s phases replayed without a server, docs/finish-figures.md). The first
 * result of an empty grid comes in steps ({@link StagedRows}).
 */
public final class ResultItems {

    private ResultItems() {
    }

    /** Shows {@code rows} in {@code table} now and after each of their changes. */
    public static <S> void follow(TableView<S> table, ObservableList<S> rows) {
        StagedRows<S> shown = new StagedRows<>(table);
        shown.show(rows);
        rows.addListener((ListChangeListener<S>) change -> {
            List<S> added = new ArrayList<>();
            int known = shown.size();
            boolean appended = known > 0;
            while (appended && change.next()) {
                appended = !change.wasRemoved() && change.getFrom() == known + added.size();
                added.addAll(change.getAddedSubList());
            }
            if (appended) {
                shown.append(added);
            } else {
                table.scrollTo(0);
                shown.show(rows);
            }
        });
    }
}
