package io.ringside.ui.cql;

import io.ringside.ui.util.PageLoad;
import io.ringside.ui.util.PageShowcase;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import org.fxmisc.richtext.CodeArea;

/**
 * The CQL page at work, for its screenshot: a statement typed into the editor and run with the
 * Run button, as a user would, its rows in the grid. Fails when the statement brought no result
 * columns (it failed, or the page no longer runs what the editor holds).
 *
 * @param statement the CQL to type and run
 */
public record CqlShowcase(String statement) implements PageShowcase {

    /** What the README's picture runs: the sample's daily PM2.5 rows. */
    public static final String SAMPLE_STATEMENT = "SELECT * FROM aqdata.pm25 LIMIT 20";

    @Override
    public CompletableFuture<String> stage(Scene scene, PageLoad page) {
        CompletableFuture<String> shown = new CompletableFuture<>();
        CqlViewModel viewModel = (CqlViewModel) page;
        Node root = scene.lookup("#cqlView");
        if (root == null || !(root.lookup("#cqlEditor") instanceof CodeArea editor)
                || !(root.lookup("#runButton") instanceof Button run)
                || !(root.lookup("#rowTable") instanceof TableView<?> table)) {
            shown.completeExceptionally(new IllegalStateException(
                    "The CQL page has no editor, Run button or row grid"));
            return shown;
        }
        editor.replaceText(statement);
        editor.moveTo(0);
        PageShowcase.press(run, viewModel.runningProperty(), () -> finish(viewModel, table, shown));
        return shown;
    }

    private void finish(CqlViewModel viewModel, TableView<?> table, CompletableFuture<String> shown) {
        if (viewModel.columns().isEmpty()) {
            shown.completeExceptionally(new IllegalStateException("'" + statement + "' showed no result: "
                    + viewModel.statusProperty().get()));
            return;
        }
        int rows = viewModel.rows().size();
        PageShowcase.whenShown(table, rows).thenRun(() -> shown.complete("ran '" + statement + "': " + rows
                + " rows shown"));
    }
}
